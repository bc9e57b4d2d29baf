package cn.hxay.hazard;

import cn.hxay.shared.web.Downloads;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.web.FormBinding;
import cn.hxay.shared.web.PageLinks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Hazard ledger pages: the list with filters, rectification figures and the Excel ledger,
 * raising a hazard, and one hazard with its notice, history and the next steps the reader
 * may take.
 */
@Controller
class HazardController {

	private final HazardLedger ledger;

	private final SchoolRegistry schools;

	private final RectificationNotice notice;

	private final LedgerWorkbook workbook;

	private final HazardDeadlines deadlines;

	private final cn.hxay.organisation.Organisations organisations;

	HazardController(HazardLedger ledger, SchoolRegistry schools, RectificationNotice notice, LedgerWorkbook workbook,
			HazardDeadlines deadlines, cn.hxay.organisation.Organisations organisations) {
		this.organisations = organisations;
		this.ledger = ledger;
		this.schools = schools;
		this.notice = notice;
		this.workbook = workbook;
		this.deadlines = deadlines;
	}

	@GetMapping("/hazards")
	String list(DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) String school, @RequestParam(required = false) HazardState state,
			@RequestParam(required = false) HazardGrade grade, @RequestParam(required = false) Boolean supervised,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Long schoolId, @RequestParam(required = false) Boolean open, Model model,
			HttpServletResponse response) {
		Paged<Hazard> hazards;
		try {
			hazards = ledger.page(scope, region, school, schoolId, open, state, grade, supervised, overdue,
					PageRequest.of(page, 30));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage() + "；以下为全部隐患");
			region = null;
			school = null;
			hazards = ledger.page(scope, null, null, schoolId, open, state, grade, supervised, overdue,
					PageRequest.of(page, 30));
		}
		model.addAttribute("hazards", hazards);
		List<RectificationFigures> figures = ledger.figures(scope, false);
		model.addAttribute("figures", figures);
		// the districts to filter by: those with hazards in the reader's scope
		model.addAttribute("districts", figures.stream().map(RectificationFigures::key).toList());
		model.addAttribute("school", school);
		model.addAttribute("regionNames",
				organisations.regions()
					.stream()
					.collect(java.util.stream.Collectors.toMap(cn.hxay.organisation.Region::code,
							cn.hxay.organisation.Region::name)));
		model.addAttribute("states", HazardState.values());
		model.addAttribute("grades", HazardGrade.values());
		model.addAttribute("region", region);
		model.addAttribute("state", state);
		model.addAttribute("grade", grade);
		model.addAttribute("supervised", supervised);
		model.addAttribute("overdue", overdue);
		PageLinks links = PageLinks.to("/hazards")
			.with("region", region)
			.with("school", school)
			.with("state", state)
			.with("grade", grade)
			.with("supervised", supervised)
			.with("overdue", overdue)
			.with("schoolId", schoolId)
			.with("open", open);
		model.addAttribute("schoolId", schoolId);
		model.addAttribute("open", open);
		model.addAttribute("links", links);
		model.addAttribute("ledgerLink", links.as("/hazards/ledger.xlsx"));
		return "hazard/list";
	}

	@GetMapping("/hazards/ledger.xlsx")
	ResponseEntity<byte[]> ledgerWorkbook(DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) String school, @RequestParam(required = false) HazardState state,
			@RequestParam(required = false) HazardGrade grade, @RequestParam(required = false) Boolean supervised,
			@RequestParam(required = false) Boolean overdue) {
		List<Hazard> hazards = ledger.search(scope, region, school, state, grade, supervised, overdue);
		return Downloads.excel(workbook.write(hazards), "隐患台账.xlsx");
	}

	@GetMapping("/hazards/new")
	String newHazard(DataScope scope, @RequestParam(required = false) Long schoolId,
			@RequestParam(required = false) String q, Model model) {
		if (schoolId == null) {
			model.addAttribute("q", q);
			model.addAttribute("matches",
					q == null || q.isBlank() ? List.of()
							: schools
								.search(scope, new SchoolFilter(q, null, null, null, null, null), PageRequest.of(0, 20))
								.items());
			return "hazard/pick-school";
		}
		School school = schools.get(scope, schoolId);
		model.addAttribute("form", new HazardLedger.NewHazard(schoolId, "", null, HazardGrade.GENERAL, "", "",
				school.name(), school.details().headmasterName(), null));
		return form(school, model);
	}

	private String form(School school, Model model) {
		model.addAttribute("school", school);
		model.addAttribute("categories", HazardCategory.values());
		model.addAttribute("grades", HazardGrade.values());
		model.addAttribute("defaultDays",
				java.util.Arrays.stream(HazardGrade.values())
					.map(g -> g.label() + " " + deadlines.daysFor(school.regionCode(), g) + " 天")
					.toList());
		return "hazard/new";
	}

	@PostMapping("/hazards")
	String raise(CurrentUser user, DataScope scope, @ModelAttribute("form") HazardLedger.NewHazard form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, RAISE_LABELS);
			Hazard h = ledger.raise(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记隐患并生成整改通知书 " + h.noticeNumber());
			return "redirect:/hazards/" + h.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			School school = schools.get(scope, form == null ? 0 : form.schoolId());
			model.addAttribute("errors", ex.byField());
			model.addAttribute("form", form != null ? form
					: new HazardLedger.NewHazard(school.id(), "", null, null, "", "", "", "", null));
			model.addAttribute("typedDeadline", FormBinding.typed(binding, "deadline"));
			return form(school, model);
		}
	}

	private static final Map<String, String> RAISE_LABELS = Map.of("schoolId", "学校", "category", "隐患类别", "grade",
			"隐患等级", "deadline", "整改期限（格式 yyyy-MM-dd）");

	@GetMapping("/hazards/{id}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		Hazard h = ledger.get(scope, id);
		model.addAttribute("h", h);
		List<HazardStep> steps = ledger.steps(scope, id);
		model.addAttribute("steps", steps);
		// the school's fix report is what it wrote when it handed the fix in, not a
		// safeguard
		model.addAttribute("fixReport",
				steps.stream()
					.filter(step -> "提交验收".equals(step.action()) && step.comment() != null && !step.comment().isBlank())
					.reduce((first, second) -> second)
					.orElse(null));
		model.addAttribute("photos", ledger.photos(scope, id));
		boolean above = !(user.hasRole(Role.SCHOOL_SAFETY_LEAD) && user.roles().size() == 1);
		model.addAttribute("mayReview", above);
		model.addAttribute("zone", PlatformTime.ZONE);
		return "hazard/show";
	}

	@GetMapping("/hazards/{id}/notice.pdf")
	ResponseEntity<byte[]> noticePdf(@PathVariable long id, DataScope scope) {
		Hazard h = ledger.get(scope, id);
		return Downloads.pdfInline(notice.render(h), "隐患整改通知书-" + h.noticeNumber() + ".pdf");
	}

	@PostMapping("/hazards/{id}/photos")
	String upload(@PathVariable long id, HttpServletRequest request, @RequestParam(required = false) String caption,
			CurrentUser user, DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			ledger.addPhoto(user, scope, id, FormBinding.upload(request, "photo"), caption);
			redirect.addFlashAttribute("notice", "照片已上传");
			return "redirect:/hazards/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			return show(id, user, scope, model);
		}
	}

	@GetMapping("/hazards/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, DataScope scope) {
		return ledger.photo(scope, id, photoId).response();
	}

	/** A step's form: the version read and an optional text (comment or safeguards). */
	record StepForm(@NotNull(message = "缺少版本号，请刷新页面后重试") Integer version,
			@Size(max = 2000, message = "文字不能超过 2000 字") @Pattern(regexp = HazardLedger.PRINTABLE,
					message = "文字含有不可见的控制字符") String text) {
	}

	/** The six-part plan as typed on the page. */
	record PlanForm(@NotNull(message = "缺少版本号，请刷新页面后重试") Integer version, String goal, String measures, String funds,
			String people, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate planDeadline,
			String emergencyPlan) {

		SupervisionPlan plan() {
			return new SupervisionPlan(goal, measures, funds, people, planDeadline, emergencyPlan);
		}

	}

	private static final Map<String, String> STEP_LABELS = Map.of("version", "版本号", "planDeadline",
			"督办方案的完成时限（格式 yyyy-MM-dd）");

	private interface Step {

		Hazard apply(int version, String text);

	}

	@PostMapping("/hazards/{id}/start")
	String start(@PathVariable long id, @Valid StepForm form, BindingResult binding, CurrentUser user, DataScope scope,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, form, binding, "start", user, scope, model, response, redirect,
				(v, t) -> ledger.startRectification(user, scope, id, v));
	}

	@PostMapping("/hazards/{id}/safeguards")
	String safeguards(@PathVariable long id, @Valid StepForm form, BindingResult binding, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, form, binding, "safeguards", user, scope, model, response, redirect,
				(v, t) -> ledger.recordSafeguards(user, scope, id, v, t));
	}

	@PostMapping("/hazards/{id}/submit")
	String submit(@PathVariable long id, @Valid StepForm form, BindingResult binding, CurrentUser user, DataScope scope,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, form, binding, "submit", user, scope, model, response, redirect,
				(v, t) -> ledger.submitFixReport(user, scope, id, v, t));
	}

	@PostMapping("/hazards/{id}/return")
	String sendBack(@PathVariable long id, @Valid StepForm form, BindingResult binding, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, form, binding, "return", user, scope, model, response, redirect,
				(v, t) -> ledger.returnForRework(user, scope, id, v, t));
	}

	@PostMapping("/hazards/{id}/close")
	String close(@PathVariable long id, @Valid StepForm form, BindingResult binding, CurrentUser user, DataScope scope,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, form, binding, "close", user, scope, model, response, redirect,
				(v, t) -> ledger.close(user, scope, id, v, t));
	}

	@PostMapping("/hazards/{id}/plan")
	String plan(@PathVariable long id, @Valid @ModelAttribute("planForm") PlanForm form, BindingResult binding,
			CurrentUser user, DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, STEP_LABELS);
			Hazard h = ledger.adoptPlan(user, scope, id, form.version(), form.plan());
			redirect.addFlashAttribute("notice", "已办理，当前状态：" + h.state().label());
			return "redirect:/hazards/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("typedPlan", form);
			model.addAttribute("typedPlanDeadline", FormBinding.typed(binding, "planDeadline"));
			return show(id, user, scope, model);
		}
	}

	/**
	 * Runs one step; refused input shows the page again with status 400, the reason and
	 * the text as typed.
	 */
	private String step(long id, StepForm form, BindingResult binding, String name, CurrentUser user, DataScope scope,
			Model model, HttpServletResponse response, RedirectAttributes redirect, Step step) {
		try {
			FormBinding.refuse(binding, STEP_LABELS);
			Hazard h = step.apply(form.version(), form.text());
			redirect.addFlashAttribute("notice", "已办理，当前状态：" + h.state().label());
			return "redirect:/hazards/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("typedStep", name);
			model.addAttribute("typedText", form.text());
			return show(id, user, scope, model);
		}
	}

}
