package cn.hxay.report;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PlatformTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports over HTTP: definitions, their periods with each unit's standing, submissions
 * (prefilled, corrected with a reason, attested, locked), reopening by the level above,
 * late lists and 通报. Dates are platform days (Asia/Shanghai), {@code yyyy-MM-dd}; a
 * period is named by its first day.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "填报",
		description = "上级单位布置周期性报表（每半月、每月 N 日前、每月 10 日和 25 日、一次性总结、自定周期），下级单位填报（平台数据预填、修改须说明原因、确认属实后报送锁定），上级查看按时、迟报、逾期未报、漏报，退回修改并留痕，依迟报名单发出通报")
class ReportApiController {

	private final Reports reports;

	ReportApiController(Reports reports) {
		this.reports = reports;
	}

	record PeriodResource(String start, String end, String due, String lockedAfter, Map<ReportStatus, Long> counts) {
	}

	record DefinitionResource(long id, String title, ReportForm form, String formLabel, Cadence cadence,
			String cadenceText, String startsOn, String endsOn, String finalDueOn, int lockDays, int remindDays,
			String targetKind, String ownerUnit, List<String> units, List<PeriodResource> periods) {
	}

	record StatusResource(long unitId, String unitName, String regionCode, String periodStart, String periodEnd,
			String due, ReportStatus status, String statusLabel, Long submissionId, SubmissionState state,
			String firstSubmittedAt) {
	}

	record ValueResource(String field, String label, String section, String value, String prefilled, String source,
			boolean corrected, String reason, boolean policeOnly) {
	}

	record StepResource(String action, String actor, String unit, String at, String detail) {
	}

	record SubmissionResource(long id, long reportId, long unitId, String unitName, String periodStart,
			String periodEnd, String due, SubmissionState state, String stateLabel, int version, String attestedBy,
			String firstSubmittedAt, String submittedAt, boolean policeOnly, List<ValueResource> values,
			List<StepResource> steps) {
	}

	record SaveRequest(Integer version, Map<String, String> values, Map<String, String> reasons, Boolean submit,
			Boolean attest) {
	}

	record ReasonRequest(String reason) {
	}

	record NoticeRequest(LocalDate period, String remark) {
	}

	record NoticeResource(long id, long reportId, String number, String title, String body, List<String> units,
			String issuerUnit, String issuedAt, String periodStart, String periodEnd, String pdf) {
	}

	@GetMapping
	@Operation(summary = "报表列表", description = "本单位布置的和本单位须报送的报表，最新 200 个")
	List<DefinitionResource> list(DataScope scope) {
		return reports.definitions(scope).stream().map(d -> resource(d, scope, false)).toList();
	}

	@PostMapping
	@Operation(summary = "布置报表",
			description = "form: FUQING_2013 / CHANGZHOU_ANNEX2 / PROGRESS；cadence: HALF_MONTHLY（dueDay = 期满后几日内）/ MONTHLY（dueDay = 次月几日前）/ TENTH_AND_25TH / ONE_OFF（endsOn = 数据截止日，finalDueOn = 报送截止日）/ EVERY_N_DAYS（periodDays）；targetKind: 本单位下级的 COUNTY_EDUCATION_BUREAU / COUNTY_PUBLIC_SECURITY_BUREAU / POLICE_STATION / SCHOOL；lockDays = 截止后补报天数，期满锁定")
	ResponseEntity<DefinitionResource> create(@RequestBody NewReport body, CurrentUser user, DataScope scope) {
		ReportDefinition d = reports.define(user, body);
		return ResponseEntity.created(URI.create("/api/v1/reports/" + d.id())).body(resource(d, scope, true));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看报表及各期报送情况", description = "各期的待报、按时报送、迟报、逾期未报、漏报数（只计调用者可见的单位）")
	DefinitionResource get(@PathVariable long id, DataScope scope) {
		return resource(reports.definition(scope, id), scope, true);
	}

	@GetMapping("/{id}/units")
	@Operation(summary = "一期各单位报送情况", description = "period 为报表周期的第一天（缺省为最新一期）；按所属报表周期判定，不按填写日期")
	List<StatusResource> units(@PathVariable long id, @RequestParam(required = false) LocalDate period,
			DataScope scope) {
		LocalDate start = period != null ? period : currentStart(scope, id);
		return reports.board(scope, id, start, reports.today()).stream().map(ReportApiController::status).toList();
	}

	@GetMapping("/{id}/late")
	@Operation(summary = "迟报名单", description = "迟报、逾期未报、漏报的单位；仅布置单位及其上级；period 缺省为全部周期")
	List<StatusResource> late(@PathVariable long id, @RequestParam(required = false) LocalDate period, CurrentUser user,
			DataScope scope) {
		return reports.lateList(user, scope, id, period, reports.today())
			.stream()
			.map(ReportApiController::status)
			.toList();
	}

	@PostMapping("/{id}/submissions")
	@Operation(summary = "打开本单位某期报表", description = "已有则返回；否则建立草稿，平台数据（隐患台账、大检查进度等）预填；仅报送单位；锁定后不能新建")
	SubmissionResource open(@PathVariable long id, @RequestParam(required = false) LocalDate period, CurrentUser user,
			DataScope scope) {
		LocalDate start = period != null ? period : currentStart(scope, id);
		Submission s = reports.open(user, scope, id, start);
		return submission(s, scope);
	}

	@GetMapping("/submissions/{id}")
	@Operation(summary = "查看一份报表", description = "含预填值、修改及原因、报送和退回记录；公安机关掌握的数据只对公安显示")
	SubmissionResource getSubmission(@PathVariable long id, DataScope scope) {
		return submission(reports.submission(scope, id), scope);
	}

	@PutMapping("/submissions/{id}")
	@Operation(summary = "保存或报送",
			description = "version 必填；values/reasons 以字段名为键；修改预填值须填原因；submit=true 时须 attest=true（确认属实），报送后锁定")
	SubmissionResource save(@PathVariable long id, @RequestBody SaveRequest body, CurrentUser user, DataScope scope) {
		reports.submission(scope, id);
		if (body == null || body.version() == null) {
			throw new InvalidInputException("version", "请提供版本号 version");
		}
		Submission s = reports.save(user, scope, id, body.version(), body.values(), body.reasons(),
				Boolean.TRUE.equals(body.submit()), Boolean.TRUE.equals(body.attest()));
		return submission(s, scope);
	}

	@PostMapping("/submissions/{id}/reopen")
	@Operation(summary = "退回修改", description = "仅上级单位；须说明原因；记录在报表历史中；报送情况仍按首次报送判定")
	SubmissionResource reopen(@PathVariable long id, @RequestBody ReasonRequest body, CurrentUser user,
			DataScope scope) {
		return submission(reports.reopen(user, scope, id, body == null ? null : body.reason()), scope);
	}

	@PostMapping("/{id}/notices")
	@Operation(summary = "依迟报名单发出通报", description = "仅上级单位；period 为报表周期第一天；文号按发文单位和年度连续编号")
	ResponseEntity<NoticeResource> notice(@PathVariable long id, @RequestBody NoticeRequest body, CurrentUser user,
			DataScope scope) {
		ReportNotice n = reports.issueNotice(user, scope, id, body == null ? null : body.period(),
				body == null ? null : body.remark());
		return ResponseEntity.created(URI.create("/api/v1/reports/notices/" + n.id())).body(notice(n));
	}

	@GetMapping("/{id}/notices")
	@Operation(summary = "报表的通报")
	List<NoticeResource> notices(@PathVariable long id, DataScope scope) {
		return reports.notices(scope, id).stream().map(ReportApiController::notice).toList();
	}

	@GetMapping("/notices/{id}")
	@Operation(summary = "查看通报", description = "PDF 见 pdf 链接")
	NoticeResource getNotice(@PathVariable long id, DataScope scope) {
		return notice(reports.notice(scope, id));
	}

	private LocalDate currentStart(DataScope scope, long id) {
		return reports.definition(scope, id)
			.current(reports.today())
			.map(Period::start)
			.orElseThrow(() -> new NotFoundException("报表尚未开始"));
	}

	private DefinitionResource resource(ReportDefinition d, DataScope scope, boolean withPeriods) {
		List<PeriodResource> periods = !withPeriods ? null : d.periods(reports.today()).stream().limit(24).map(p -> {
			var rows = reports.board(scope, d.id(), p.start(), reports.today());
			return new PeriodResource(p.start().toString(), p.end().toString(), p.due().toString(),
					p.lockedAfter().toString(), reports.counts(rows));
		}).toList();
		return new DefinitionResource(d.id(), d.title(), d.form(), d.form().label(), d.cadence(), d.cadenceText(),
				str(d.startsOn()), str(d.endsOn()), str(d.finalDueOn()), d.lockDays(), d.remindDays(),
				d.targetKind().label(), d.ownerUnit(), null, periods);
	}

	private static StatusResource status(UnitStatus r) {
		return new StatusResource(r.target().unitId(), r.target().unitName(), r.target().regionCode(),
				r.period().start().toString(), r.period().end().toString(), r.period().due().toString(), r.status(),
				r.status().label(), r.submissionId(), r.state(), time(r.submittedAt()));
	}

	private SubmissionResource submission(Submission s, DataScope scope) {
		ReportDefinition d = reports.definition(scope, s.definitionId());
		List<ValueResource> values = d.form().fields().stream().map(f -> {
			Submission.Value v = s.value(f.key()).orElse(new Submission.Value(f.key(), null, null, null, null, false));
			boolean hidden = v.policeOnly() && !scope.policeData();
			return new ValueResource(f.key(), f.label(), f.section(), Reports.shown(v, scope),
					hidden ? null : v.prefilled(), v.source(), v.corrected(), hidden ? null : v.reason(),
					v.policeOnly());
		}).toList();
		List<StepResource> steps = reports.steps(scope, s.id())
			.stream()
			.map(t -> new StepResource(t.action(), t.actorName(), t.actorUnit(), time(t.at()),
					s.policeOnly() && !scope.policeData() ? null : t.detail()))
			.toList();
		return new SubmissionResource(s.id(), s.definitionId(), s.unitId(), s.unitName(), s.periodStart().toString(),
				s.periodEnd().toString(), s.dueOn().toString(), s.state(), s.state().label(), s.version(),
				s.attestedName(), time(s.firstSubmittedAt()), time(s.submittedAt()), s.policeOnly(), values, steps);
	}

	private static NoticeResource notice(ReportNotice n) {
		return new NoticeResource(n.id(), n.definitionId(), n.number(), n.title(), n.body(), n.units(), n.issuerUnit(),
				time(n.issuedAt()), n.periodStart().toString(), n.periodEnd().toString(),
				"/reports/notices/" + n.id() + "/notice.pdf");
	}

	private static String str(LocalDate d) {
		return d == null ? null : d.toString();
	}

	private static String time(Instant at) {
		return at == null ? null : PlatformTime.MINUTE.format(at);
	}

}
