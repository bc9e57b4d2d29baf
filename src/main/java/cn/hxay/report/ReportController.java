package cn.hxay.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.web.Downloads;
import cn.hxay.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Report pages: the list, defining a report, one report with each unit's standing for a
 * period (the late list, the summary documents and the 通报 for the level above; 填报 for a
 * reporting unit), filling in and submitting one period's report, reopening it, and the
 * 通报.
 */
@Controller
class ReportController {

	private static final Map<String, String> LABELS = Map.of("form", "报表格式", "cadence", "报送周期", "dueDay", "报送日（整数）",
			"periodDays", "每期天数（整数）", "startsOn", "起始日期（yyyy-MM-dd）", "endsOn", "截止日期（yyyy-MM-dd）", "finalDueOn",
			"报送截止日期（yyyy-MM-dd）", "lockDays", "补报天数（整数）", "remindDays", "提前提醒天数（整数）", "targetKind", "报送单位");

	private final Reports reports;

	private final ReportDocuments documents;

	private final Organisations organisations;

	ReportController(Reports reports, ReportDocuments documents, Organisations organisations) {
		this.reports = reports;
		this.documents = documents;
		this.organisations = organisations;
	}

	@GetMapping("/reports")
	String list(CurrentUser user, DataScope scope, Model model) {
		LocalDate today = reports.today();
		List<ReportDefinition> definitions = reports.definitions(scope);
		Map<Long, Map<ReportStatus, Long>> counts = new HashMap<>();
		Map<Long, Period> current = new HashMap<>();
		for (ReportDefinition d : definitions) {
			d.current(today).ifPresent(p -> {
				current.put(d.id(), p);
				counts.put(d.id(), reports.counts(reports.board(scope, d.id(), p.start(), today)));
			});
		}
		model.addAttribute("definitions", definitions);
		model.addAttribute("counts", counts);
		model.addAttribute("current", current);
		model.addAttribute("mayDefine", reports.mayDefine(user));
		return "report/list";
	}

	@GetMapping("/reports/todo")
	String todo(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("todos", reports.myDue(user, scope, reports.today()));
		model.addAttribute("heading", "待填报");
		model.addAttribute("hint", "报表周期已开始、本单位尚未报送的报表（按所属周期判定）。");
		return "report/todos";
	}

	@GetMapping("/reports/late")
	String late(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("todos", reports.overdueBelow(user, scope, reports.today()));
		model.addAttribute("heading", "逾期未报");
		model.addAttribute("hint", "下级单位过了报送截止日仍未报送的报表（逾期未报、漏报）。");
		return "report/todos";
	}

	@GetMapping("/reports/new")
	String newForm(CurrentUser user, Model model) {
		mustDefine(user);
		model.addAttribute("form", NewReport.empty());
		return form(model);
	}

	@PostMapping("/reports")
	String define(CurrentUser user, @Valid @ModelAttribute("form") NewReport form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		mustDefine(user);
		try {
			FormBinding.refuse(binding, LABELS);
			ReportDefinition d = reports.define(user, form);
			redirect.addFlashAttribute("notice", "已布置报表“" + d.title() + "”");
			return "redirect:/reports/" + d.id();
		}
		catch (InvalidInputException ex) {
			FormBinding.showAgain(ex, form != null ? form : NewReport.empty(), binding, model, response, "dueDay",
					"periodDays", "startsOn", "endsOn", "finalDueOn", "lockDays", "remindDays");
			return form(model);
		}
	}

	private String form(Model model) {
		model.addAttribute("forms", ReportForm.values());
		model.addAttribute("cadences", Cadence.values());
		model.addAttribute("kinds", Reports.TARGET_KINDS);
		return "report/new";
	}

	@GetMapping("/reports/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) LocalDate period, CurrentUser user,
			DataScope scope, Model model) {
		ReportDefinition d = reports.definition(scope, id);
		LocalDate today = reports.today();
		List<Period> periods = d.periods(today);
		model.addAttribute("d", d);
		model.addAttribute("periods", periods);
		boolean above = reports.isAbove(user, d);
		model.addAttribute("above", above);
		model.addAttribute("mayAct", above && reports.mayDefine(user));
		model.addAttribute("notices", reports.notices(scope, id));
		if (periods.isEmpty()) {
			return "report/show";
		}
		Period p = period == null ? periods.get(0)
				: d.period(period, today).orElseThrow(() -> new NotFoundException("没有这个报表周期"));
		List<UnitStatus> rows = reports.board(scope, id, p.start(), today);
		model.addAttribute("p", p);
		model.addAttribute("rows", rows);
		model.addAttribute("counts", reports.counts(rows));
		model.addAttribute("late", rows.stream().filter(r -> r.status().late()).toList());
		model.addAttribute("mine",
				rows.stream().filter(r -> r.target().unitId() == user.organisationId()).findFirst().orElse(null));
		model.addAttribute("today", today);
		return "report/show";
	}

	@PostMapping("/reports/{id}/open")
	String open(@PathVariable long id, @RequestParam(required = false) LocalDate period, CurrentUser user,
			DataScope scope) {
		ReportDefinition d = reports.definition(scope, id);
		LocalDate start = period != null ? period
				: d.current(reports.today()).map(Period::start).orElseThrow(() -> new NotFoundException("报表尚未开始"));
		Submission s = reports.open(user, scope, id, start);
		return "redirect:/reports/submissions/" + s.id();
	}

	@GetMapping("/reports/submissions/{id}")
	String submission(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		return submissionPage(reports.submission(scope, id), user, scope, model, null, null);
	}

	@PostMapping("/reports/submissions/{id}")
	String save(@PathVariable long id, @RequestParam Map<String, String> params, CurrentUser user, DataScope scope,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> values = new HashMap<>();
		Map<String, String> reasons = new HashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("v_")) {
				values.put(k.substring(2), v);
			}
			else if (k.startsWith("r_")) {
				reasons.put(k.substring(2), v);
			}
		});
		boolean submit = "submit".equals(params.get("action"));
		try {
			int version;
			try {
				version = Integer.parseInt(params.getOrDefault("version", ""));
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("version", "缺少版本号，请刷新页面后再填");
			}
			reports.save(user, scope, id, version, values, reasons, submit,
					"on".equals(params.get("attest")) || "true".equals(params.get("attest")));
			redirect.addFlashAttribute("notice", submit ? "已报送，报表已锁定" : "已保存草稿");
			return "redirect:/reports/submissions/" + id;
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			response.setStatus(ex instanceof InvalidInputException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			Map<String, String> errors = ex instanceof InvalidInputException invalid ? invalid.byField()
					: Map.of("version", ex.getMessage());
			model.addAttribute("errors", errors);
			return submissionPage(reports.submission(scope, id), user, scope, model, values, reasons);
		}
	}

	private String submissionPage(Submission s, CurrentUser user, DataScope scope, Model model,
			Map<String, String> typed, Map<String, String> typedReasons) {
		ReportDefinition d = reports.definition(scope, s.definitionId());
		model.addAttribute("s", s);
		model.addAttribute("d", d);
		model.addAttribute("steps", reports.steps(scope, s.id()));
		boolean mine = s.unitId() == user.organisationId() && !user.readOnly();
		model.addAttribute("editable", mine && s.state().editable());
		model.addAttribute("mayReopen", reports.mayDefine(user) && s.unitId() != user.organisationId()
				&& reports.isAbove(user, d) && s.state() == SubmissionState.SUBMITTED);
		Map<String, String> shown = new HashMap<>();
		Map<String, String> reasons = new HashMap<>();
		for (Submission.Value v : s.values()) {
			shown.put(v.field(), Reports.shown(v, scope));
			reasons.put(v.field(), v.policeOnly() && !scope.policeData() ? null : v.reason());
		}
		if (typed != null) {
			shown.putAll(typed);
			reasons.putAll(typedReasons);
		}
		model.addAttribute("shown", shown);
		model.addAttribute("reasons", reasons);
		model.addAttribute("police", scope.policeData());
		return "report/fill";
	}

	@PostMapping("/reports/submissions/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam(required = false) String reason, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			reports.reopen(user, scope, id, reason);
			redirect.addFlashAttribute("notice", "已退回修改");
			return "redirect:/reports/submissions/" + id;
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			response.setStatus(ex instanceof InvalidInputException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			model.addAttribute("errors", Map.of("reason", ex.getMessage()));
			model.addAttribute("typedReopen", reason);
			return submissionPage(reports.submission(scope, id), user, scope, model, null, null);
		}
	}

	@PostMapping("/reports/{id}/notices")
	String issue(@PathVariable long id, @RequestParam(required = false) String period,
			@RequestParam(required = false) String remark, CurrentUser user, DataScope scope,
			RedirectAttributes redirect) {
		LocalDate start;
		try {
			start = period == null || period.isBlank() ? null : LocalDate.parse(period);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInputException("period", "报表周期格式应为 yyyy-MM-dd");
		}
		ReportNotice n = reports.issueNotice(user, scope, id, start, remark);
		redirect.addFlashAttribute("notice", "已发出通报 " + n.number());
		return "redirect:/reports/notices/" + n.id();
	}

	@GetMapping("/reports/notices/{id}")
	String notice(@PathVariable long id, DataScope scope, Model model) {
		ReportNotice n = reports.notice(scope, id);
		model.addAttribute("n", n);
		model.addAttribute("d", reports.definition(scope, n.definitionId()));
		return "report/notice";
	}

	@GetMapping("/reports/notices/{id}/notice.pdf")
	ResponseEntity<byte[]> noticePdf(@PathVariable long id, DataScope scope) {
		ReportNotice n = reports.notice(scope, id);
		return Downloads.pdfInline(documents.noticePdf(n), n.number() + ".pdf");
	}

	@GetMapping("/reports/{id}/summary.xlsx")
	ResponseEntity<byte[]> summaryExcel(@PathVariable long id, @RequestParam(required = false) LocalDate period,
			CurrentUser user, DataScope scope) {
		ReportDocuments.Summary s = summary(id, period, user, scope);
		return Downloads.excel(documents.excel(s), s.fileName("xlsx"));
	}

	@GetMapping("/reports/{id}/summary.pdf")
	ResponseEntity<byte[]> summaryPdf(@PathVariable long id, @RequestParam(required = false) LocalDate period,
			CurrentUser user, DataScope scope) {
		ReportDocuments.Summary s = summary(id, period, user, scope);
		return Downloads.pdf(documents.pdf(s), s.fileName("pdf"));
	}

	private ReportDocuments.Summary summary(long id, LocalDate period, CurrentUser user, DataScope scope) {
		ReportDefinition d = reports.definition(scope, id);
		if (!reports.isAbove(user, d)) {
			throw new ForbiddenException("只有布置单位及其上级可以导出汇总表");
		}
		LocalDate start = period != null ? period
				: d.current(reports.today()).map(Period::start).orElseThrow(() -> new NotFoundException("报表尚未开始"));
		return documents.summary(scope, id, start, organisations.get(user.organisationId()).name());
	}

	private void mustDefine(CurrentUser user) {
		if (!reports.mayDefine(user)) {
			throw new ForbiddenException("只有教育行政部门和公安机关可以布置填报");
		}
	}

}
