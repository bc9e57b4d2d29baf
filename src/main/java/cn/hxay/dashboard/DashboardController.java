package cn.hxay.dashboard;

import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Region;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The command dashboard's pages: figures per county with ranking and trend, the risk map,
 * the schools by risk and one school's risk terms.
 */
@Controller
class DashboardController {

	/** Points drawn on the map at most (the riskiest first); the list pages them all. */
	static final int MAP_POINTS = 5000;

	static final int TREND_DAYS = 30;

	private final CommandDashboard dashboard;

	private final DailySnapshots snapshots;

	private final JsonMapper json;

	DashboardController(CommandDashboard dashboard, DailySnapshots snapshots, JsonMapper json) {
		this.dashboard = dashboard;
		this.snapshots = snapshots;
		this.json = json;
	}

	record Point(long id, String name, double lng, double lat, long score, String band, String colour) {
	}

	record MapData(String boundary, List<Point> points) {
	}

	record TrendData(List<String> days, List<Double> compliance, List<Double> rectification, List<Double> networking) {
	}

	@GetMapping("/dashboard")
	String board(CurrentUser user, DataScope scope, Model model) {
		Region area = dashboard.areaOf(user);
		List<CountyFigures> counties = dashboard.counties(user, scope);
		model.addAttribute("area", area);
		model.addAttribute("counties",
				counties.stream().sorted(java.util.Comparator.comparingInt(CountyFigures::rank)).toList());
		model.addAttribute("total", DailySnapshots.sum(counties));
		dashboard.currentCampaign(scope).ifPresent(c -> model.addAttribute("campaign", c));
		dashboard.alarmsToday(user, scope).ifPresent(a -> model.addAttribute("alarms", a));
		List<SchoolRisk> risks = dashboard.risks(user, scope);
		model.addAttribute("bands", CommandDashboard.bands(risks));
		model.addAttribute("mapJson",
				json.writeValueAsString(new MapData("/geo/" + cityOf(area) + ".json",
						risks.stream()
							.filter(r -> r.longitude() != null && r.latitude() != null)
							.limit(MAP_POINTS)
							.map(r -> new Point(r.schoolId(), r.schoolName(), r.longitude().doubleValue(),
									r.latitude().doubleValue(), r.score(), r.band().label(), r.band().colour()))
							.toList())));
		model.addAttribute("topRisks", risks.stream().limit(10).toList());
		boolean trends = dashboard.seesWholeArea(user, scope);
		model.addAttribute("trends", trends);
		if (trends) {
			List<String> codes = counties.stream().map(CountyFigures::regionCode).toList();
			List<DailySnapshots.Day> days = snapshots.trend(codes, TREND_DAYS);
			model.addAttribute("trendDays", days.size());
			model.addAttribute("trendJson",
					json.writeValueAsString(new TrendData(days.stream().map(d -> d.day().toString()).toList(),
							days.stream().map(DailySnapshots.Day::complianceRate).toList(),
							days.stream().map(DailySnapshots.Day::rectificationRate).toList(),
							days.stream().map(DailySnapshots.Day::networkingRate).toList())));
			Map<String, DailySnapshots.Then> before = snapshots.before(codes, TREND_DAYS);
			model.addAttribute("before", before);
		}
		return "dashboard/board";
	}

	@GetMapping("/dashboard/risks")
	String risks(CurrentUser user, DataScope scope, @RequestParam(required = false) RiskBand band,
			@RequestParam(required = false) Integer page, Model model) {
		List<SchoolRisk> all = dashboard.risks(user, scope)
			.stream()
			.filter(r -> band == null || r.band() == band)
			.toList();
		PageRequest request = PageRequest.of(page, 50);
		int from = (int) Math.min(all.size(), request.offset());
		int to = Math.min(all.size(), from + request.size());
		model.addAttribute("risks", new Paged<>(all.subList(from, to), request.page(), request.size(), all.size()));
		model.addAttribute("band", band);
		model.addAttribute("links", cn.hxay.shared.web.PageLinks.to("/dashboard/risks").with("band", band));
		model.addAttribute("bands", RiskBand.values());
		return "dashboard/risks";
	}

	@GetMapping("/dashboard/schools/{id}/risk")
	String risk(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("risk", dashboard.risk(user, scope, id));
		return "dashboard/risk";
	}

	/** The city whose outline is drawn: the area itself, or the city of a county. */
	static String cityOf(Region area) {
		return Region.cityCodeOf(area.code());
	}

}
