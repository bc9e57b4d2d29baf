package cn.hxay.dashboard;

import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The command dashboard's figures over HTTP, on the caller's data scope. */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "指挥看板", description = "市、县(区)、派出所的指挥看板：各县(区)达标率、检查进度、隐患、设备联网率及排名，每日快照趋势，学校风险评分（每项含权重、来源和降低办法）")
class DashboardApiController {

	private final CommandDashboard dashboard;

	private final DailySnapshots snapshots;

	DashboardApiController(CommandDashboard dashboard, DailySnapshots snapshots) {
		this.dashboard = dashboard;
		this.snapshots = snapshots;
	}

	record Board(String area, List<CountyFigures> counties, CountyFigures total, AlarmFigures alarms,
			List<DailySnapshots.Day> trend) {
	}

	@GetMapping
	@Operation(summary = "看板数据", description = "各县(区)数字与排名（按达标率，其次整改率）；alarms 仅公安用户有；trend 为近 30 天每日快照（仅覆盖整个辖区的单位）")
	Board board(CurrentUser user, DataScope scope) {
		List<CountyFigures> counties = dashboard.counties(user, scope);
		List<DailySnapshots.Day> trend = dashboard.seesWholeArea(user, scope)
				? snapshots.trend(counties.stream().map(CountyFigures::regionCode).toList(), 30) : List.of();
		return new Board(dashboard.areaOf(user).name(), counties, DailySnapshots.sum(counties),
				dashboard.alarmsToday(user, scope).orElse(null), trend);
	}

	record RiskResource(long schoolId, String schoolName, String regionCode, long score, RiskBand band,
			List<RiskTerm> terms) {
	}

	@GetMapping("/risks")
	@Operation(summary = "学校风险评分", description = "分数从高到低，分页（每页 50）；公安用户另含警情和周边重点人员两项，其他用户的分数不含公安数据")
	Paged<RiskResource> risks(CurrentUser user, DataScope scope, @RequestParam(required = false) Integer page) {
		List<SchoolRisk> all = dashboard.risks(user, scope);
		PageRequest request = PageRequest.of(page, 50);
		int from = (int) Math.min(all.size(), request.offset());
		int to = Math.min(all.size(), from + request.size());
		return new Paged<>(all.subList(from, to).stream().map(DashboardApiController::resource).toList(),
				request.page(), request.size(), all.size());
	}

	@GetMapping("/risks/{id}")
	@Operation(summary = "一所学校的风险评分", description = "管辖范围以外返回 404")
	RiskResource risk(@PathVariable long id, CurrentUser user, DataScope scope) {
		return resource(dashboard.risk(user, scope, id));
	}

	private static RiskResource resource(SchoolRisk r) {
		return new RiskResource(r.schoolId(), r.schoolName(), r.regionCode(), r.score(), r.band(), r.terms());
	}

}
