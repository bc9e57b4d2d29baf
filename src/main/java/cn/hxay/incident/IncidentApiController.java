package cn.hxay.incident;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents over HTTP. Times are Beijing time, {@code yyyy-MM-ddTHH:mm} on input and
 * {@code yyyy-MM-dd HH:mm} on output. The alarm id and the key persons involved are
 * answered to police only.
 */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "涉校案事件", description = "初报（谁、何地、何事、伤亡）、续报、终报按报告时限计时（平台默认：初报案发后 1 小时内，续报每 24 小时，终报案发后 7 天内，可配置），初报即推送上级；"
		+ "“三同步”处置（现场处置、舆论引导、社会面管控）；关联报警、学校与重点人员（仅公安）；按类型、月份、县区统计。公安机关报告和处置，教育行政部门查看所辖学校的案事件")
class IncidentApiController {

	private final Incidents incidents;

	IncidentApiController(Incidents incidents) {
		this.incidents = incidents;
	}

	record ReportResource(String kind, String kindLabel, String text, int deaths, int injured, String reportedAt,
			String dueAt, boolean late, String name, String unit) {
	}

	record ActionResource(String track, String trackLabel, String text, String doneAt, String recordedAt, String name,
			String unit) {
	}

	record IncidentResource(long id, IncidentType type, String typeLabel, long schoolId, String schoolName,
			String regionCode, String place, String occurredAt, String persons, String what, int deaths, int injured,
			Long alarmId, IncidentStatus status, String statusLabel, String firstReportedAt, boolean firstReportLate,
			String followUpDue, String finalDue, String finalReportedAt, List<String> overdue, String reporterUnit,
			String reporterName, List<ReportResource> reports, List<ActionResource> actions, List<Long> keyPersonIds) {
	}

	record LinkRequest(Long keyPersonId) {
	}

	@GetMapping
	@Operation(summary = "案事件列表",
			description = "按类型 (type)、状态 (status: REPORTED/FOLLOWING_UP/CLOSED)、县区代码 (region)、月份 (month: 2026-11)、年份 (year)、逾期 (overdue=true)、案发日期起止 (from、to: 2026-11-01，含当日) 和文字筛选；分页")
	Paged<IncidentResource> list(CurrentUser user, DataScope scope, @RequestParam(required = false) String type,
			@RequestParam(required = false) String status, @RequestParam(required = false) String region,
			@RequestParam(required = false) String month, @RequestParam(required = false) String year,
			@RequestParam(required = false) String overdue, @RequestParam(required = false) String text,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		IncidentFilter filter = new IncidentQuery(type, status, region, month, year, overdue, text, from, to).filter();
		return incidents.search(user, scope, filter, PageRequest.of(page, size))
			.map(i -> resource(i, incidents.overdue(i), null, null, null));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看案事件", description = "含全部报告和三同步处置记录；关联重点人员仅对公安返回；管辖范围以外返回 404")
	IncidentResource get(@PathVariable long id, CurrentUser user, DataScope scope) {
		return detail(incidents.view(user, scope, id));
	}

	@PostMapping
	@Operation(summary = "初报",
			description = "schoolId、type、occurredAt（如 2026-11-30T08:15）、place、persons、what、deaths、injured 必填；alarmId 可选。超过初报时限的标记为超时；保存即推送 incident.reported")
	ResponseEntity<IncidentResource> report(@RequestBody NewIncident body, CurrentUser user, DataScope scope) {
		Incident i = incidents.report(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + i.id()))
			.body(detail(incidents.view(user, scope, i.id())));
	}

	@PostMapping("/{id}/follow-ups")
	@Operation(summary = "续报", description = "text、deaths、injured；重新计算下次续报期限；已终报的返回 409")
	ReportResource followUp(@PathVariable long id, @RequestBody NewReport body, CurrentUser user, DataScope scope) {
		return report(incidents.followUp(user, scope, id, body));
	}

	@PostMapping("/{id}/final-report")
	@Operation(summary = "终报", description = "text、deaths、injured；终报后不再计时，不能再续报（409）")
	ReportResource finalReport(@PathVariable long id, @RequestBody NewReport body, CurrentUser user, DataScope scope) {
		return report(incidents.finalReport(user, scope, id, body));
	}

	@PostMapping("/{id}/actions")
	@Operation(summary = "记录三同步处置",
			description = "track: ON_SITE（现场处置）/ PUBLIC_OPINION（舆论引导）/ SOCIAL_CONTROL（社会面管控）；doneAt 为空则为现在")
	ActionResource action(@PathVariable long id, @RequestBody NewAction body, CurrentUser user, DataScope scope) {
		return action(incidents.recordAction(user, scope, id, body));
	}

	@PostMapping("/{id}/key-persons")
	@Operation(summary = "关联涉事重点人员（仅公安）", description = "keyPersonId 须为本人管辖范围内的重点人员；返回已关联的重点人员编号")
	List<Long> link(@PathVariable long id, @RequestBody LinkRequest body, CurrentUser user, DataScope scope) {
		return incidents.linkKeyPerson(user, scope, id, body == null ? null : body.keyPersonId());
	}

	@GetMapping("/statistics")
	@Operation(summary = "案事件统计", description = "某年 (year，默认今年) 按类型、月份、县区的起数和伤亡；每行的 query 打开恰好这些案事件的列表")
	IncidentStatistics statistics(CurrentUser user, DataScope scope, @RequestParam(required = false) String year) {
		int y = year != null && year.matches("20\\d\\d") ? Integer.parseInt(year) : incidents.thisMonth().getYear();
		return incidents.statistics(user, scope, y);
	}

	private IncidentResource detail(IncidentView v) {
		return resource(v.incident(), v.overdue(), v.reports().stream().map(IncidentApiController::report).toList(),
				v.actions().stream().map(IncidentApiController::action).toList(),
				v.policeReader() ? v.keyPersonIds() : null);
	}

	private static IncidentResource resource(Incident i, List<ReportClock.Finding> overdue,
			List<ReportResource> reports, List<ActionResource> actions, List<Long> keyPersonIds) {
		return new IncidentResource(i.id(), i.type(), i.type().label(), i.schoolId(), i.schoolName(), i.regionCode(),
				i.place(), time(i.occurredAt()), i.persons(), i.what(), i.deaths(), i.injured(), i.alarmId(),
				i.status(), i.status().label(), time(i.firstReportedAt()), i.firstReportLate(), time(i.followUpDue()),
				time(i.finalDue()), time(i.finalReportedAt()),
				overdue.stream().map(ReportClock.Finding::reason).toList(), i.reporterUnit(), i.reporterName(), reports,
				actions, keyPersonIds);
	}

	private static ReportResource report(IncidentReport r) {
		return new ReportResource(r.kind().name(), r.kind().label(), r.text(), r.deaths(), r.injured(),
				time(r.reportedAt()), time(r.dueAt()), r.late(), r.name(), r.unit());
	}

	private static ActionResource action(HandlingAction a) {
		return new ActionResource(a.track().name(), a.track().label(), a.text(), time(a.doneAt()), time(a.recordedAt()),
				a.name(), a.unit());
	}

	private static String time(Instant at) {
		return at == null ? null : PlatformTime.MINUTE.format(at);
	}

}
