package cn.hxay.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.hxay.alarm.Alarms;
import cn.hxay.alarm.Devices;
import cn.hxay.alarm.NetworkingRate;
import cn.hxay.alarm.RateLevel;
import cn.hxay.compliance.Compliance;
import cn.hxay.compliance.ComplianceStatus;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.hazard.HazardState;
import cn.hxay.identity.CurrentUser;
import cn.hxay.inspection.Campaign;
import cn.hxay.inspection.Inspection;
import cn.hxay.inspection.Inspections;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.AccessRules;
import cn.hxay.shared.PageRequest;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: what the signed-in person has to do now, as tiles that each open the
 * list they count, then the unit's figures. A school's safety lead sees only 本校.
 */
@Controller
class HomeController {

	private final Organisations organisations;

	private final SchoolRegistry schools;

	private final HazardLedger hazards;

	private final Devices devices;

	private final Inspections inspections;

	private final Alarms alarms;

	private final Compliance compliance;

	private final List<StartPageTodos> moreTodos;

	HomeController(Organisations organisations, SchoolRegistry schools, HazardLedger hazards, Devices devices,
			Inspections inspections, Alarms alarms, Compliance compliance, List<StartPageTodos> moreTodos) {
		this.moreTodos = moreTodos;
		this.organisations = organisations;
		this.hazards = hazards;
		this.devices = devices;
		this.schools = schools;
		this.inspections = inspections;
		this.alarms = alarms;
		this.compliance = compliance;
	}

	@GetMapping("/")
	String home(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("unit", organisations.get(user.organisationId()));
		var statistics = schools.statistics(scope);
		model.addAttribute("statistics", statistics);
		Map<String, String> regionNames = organisations.regions()
			.stream()
			.collect(Collectors.toMap(Region::code, Region::name));
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("regionLabels",
				statistics.byRegion().keySet().stream().map(code -> regionNames.getOrDefault(code, code)).toList());
		var hazardTotals = hazards.totals(scope);
		model.addAttribute("hazards", hazardTotals);
		List<NetworkingRate> byCounty = devices.rates(scope, RateLevel.COUNTY, null, null);
		long required = byCounty.stream().mapToLong(NetworkingRate::required).sum();
		long online = byCounty.stream().mapToLong(NetworkingRate::online).sum();
		model.addAttribute("networking", new NetworkingRate("", "合计",
				byCounty.stream().mapToLong(NetworkingRate::devices).sum(), required, online));
		model.addAttribute("networkingByCounty", byCounty);
		Optional<School> ownSchool = schools.ofUnit(scope, user.organisationId());
		ownSchool.ifPresent(school -> model.addAttribute("ownSchool", school));
		Optional<Campaign> campaign = currentCampaign(scope);
		campaign.ifPresent(c -> model.addAttribute("campaign", c));
		List<Tile> tiles = new ArrayList<>(ownSchool.isPresent() ? schoolTiles(scope, ownSchool.get(), campaign)
				: tiles(user, scope, campaign, hazardTotals));
		Long ownSchoolId = ownSchool.map(School::id).orElse(null);
		moreTodos.forEach(todos -> tiles.addAll(todos.tiles(user, scope, ownSchoolId)));
		model.addAttribute("tiles", tiles);
		return "portal/home";
	}

	/** The campaign launched last among those the user sees. */
	private Optional<Campaign> currentCampaign(DataScope scope) {
		return inspections.campaigns(scope, new PageRequest(0, 1)).items().stream().findFirst();
	}

	/** Education, inspectors and police: what waits in the unit's area. */
	private List<Tile> tiles(CurrentUser user, DataScope scope, Optional<Campaign> campaign,
			cn.hxay.hazard.RectificationFigures totals) {
		List<Tile> tiles = new ArrayList<>();
		boolean police = alarms.mayWork(user);
		if (campaign.isPresent()) {
			Campaign c = campaign.get();
			String list = "/inspections/campaigns/" + c.id() + "/schools?state=";
			if (police) {
				tiles.add(Tile.count("cosign", "待会签检查表", forms(scope, c, "COSIGN"), list + "COSIGN", "学校已填写，等待派出所会签",
						true));
			}
			else {
				tiles.add(Tile.count("accept", "待验收检查表", forms(scope, c, "SUBMITTED"), list + "SUBMITTED", "学校已提交，等待验收",
						true));
				tiles.add(Tile.count("missed", "逾期未报学校", forms(scope, c, "MISSED"), list + "MISSED", "已过自查截止日仍未提交",
						true));
			}
		}
		if (police) {
			tiles.add(Tile.count("alarms", "未结警情", alarms.queue(user, scope).size(), "/console", "尚未处置完毕的报警", true));
			tiles.add(Tile.count("outages", "离线超 24 小时设备", devices.overdueOutageCount(scope), "/devices/rates#outages",
					"超过 24 小时修复时限", true));
		}
		tiles.add(Tile.count("overdue", "逾期未整改隐患", totals.overdue(), "/hazards?overdue=true", "已过整改期限", true));
		tiles.add(Tile.count("supervised", "挂牌督办隐患", totals.supervised(), "/hazards?supervised=true", "挂牌督办中", true));
		if (!police) {
			tiles.add(Tile.count("hazard-review", "待验收隐患", hazardCount(scope, HazardState.SUBMITTED),
					"/hazards?state=SUBMITTED", "学校已报整改完成，等待验收", false));
		}
		return tiles;
	}

	/** The school's safety lead: this school's form, hazards, posture and failings. */
	private List<Tile> schoolTiles(DataScope scope, School school, Optional<Campaign> campaign) {
		List<Tile> tiles = new ArrayList<>();
		campaign.flatMap(c -> ownForm(scope, c, school)).ifPresent(form -> {
			String hint = form.state().label() + (form.state().editable() ? "，截止 " + form.due() : "");
			tiles.add(Tile.shortcut("form", "本校自查表", "/inspections/" + form.id(), hint));
		});
		tiles.add(Tile.count("pending", "本校待整改隐患", hazardCount(scope, HazardState.PENDING), "/hazards?state=PENDING",
				"尚未开始整改", true));
		tiles.add(Tile.count("rectifying", "本校整改中隐患", hazardCount(scope, HazardState.RECTIFYING),
				"/hazards?state=RECTIFYING", "整改中或被退回重做", true));
		long failing = compliance.findings(scope, school.id())
			.stream()
			.filter(f -> f.status() == ComplianceStatus.NON_COMPLIANT)
			.count();
		tiles.add(Tile.count("failing", "本校不合格项", failing, "/schools/" + school.id() + "/compliance", "合规评估未达标的要求",
				true));
		tiles.add(Tile.shortcut("posture", "本校安全防范情况", "/schools/" + school.id() + "/posture", "人防、物防、技防登记"));
		return tiles;
	}

	private long forms(DataScope scope, Campaign campaign, String state) {
		return inspections.count(scope, campaign.id(), state);
	}

	private long hazardCount(DataScope scope, HazardState state) {
		return hazards.page(scope, null, state, null, null, null, new PageRequest(0, 1)).total();
	}

	private Optional<Inspection> ownForm(DataScope scope, Campaign campaign, School school) {
		return inspections.inspections(scope, campaign.id(), null, null, null, new PageRequest(0, 20))
			.items()
			.stream()
			.filter(i -> i.schoolId() == school.id())
			.findFirst();
	}

	@Component
	static class Rules implements AccessRules {

		@Override
		public void declare(
				AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
			requests.requestMatchers("/").authenticated();
		}

	}

}
