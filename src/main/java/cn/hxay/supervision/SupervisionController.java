package cn.hxay.supervision;

import java.util.List;
import java.util.Map;

import cn.hxay.hazard.Hazard;
import cn.hxay.hazard.HazardCategory;
import cn.hxay.hazard.HazardGrade;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.documents.PdfDocuments;
import cn.hxay.shared.web.Downloads;
import cn.hxay.shared.web.FormBinding;
import cn.hxay.shared.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;

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
 * Supervision pages: groups and their members, visits with findings raised as hazards, 通报
 * with receipts and the red-header PDF, accountability records; lists paged and filtered,
 * forms bound to records that keep what was typed when refused.
 */
@Controller
class SupervisionController {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("kind", "类型"), Map.entry("role", "职务"),
			Map.entry("joinedOn", "加入日期（yyyy-MM-dd）"), Map.entry("visitedOn", "督导日期（yyyy-MM-dd）"),
			Map.entry("schoolIds", "被督导的学校"), Map.entry("schoolId", "学校"), Map.entry("memberId", "成员"),
			Map.entry("recipientIds", "主送单位"), Map.entry("visitId", "所引督导记录"), Map.entry("targetUnitId", "被问责单位"),
			Map.entry("decidedOn", "决定日期（yyyy-MM-dd）"), Map.entry("incidentId", "关联案事件编号"),
			Map.entry("hazardId", "关联隐患编号"), Map.entry("category", "隐患类别"), Map.entry("grade", "隐患等级"),
			Map.entry("deadline", "整改期限（yyyy-MM-dd）"));

	private static final int PAGE_SIZE = 20;

	private final Supervision supervision;

	private final Organisations organisations;

	private final PdfDocuments pdf;

	SupervisionController(Supervision supervision, Organisations organisations, PdfDocuments pdf) {
		this.supervision = supervision;
		this.organisations = organisations;
		this.pdf = pdf;
	}

	// ---------------------------------------------------------------- groups

	@GetMapping("/supervision")
	String index(CurrentUser user, DataScope scope, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Commands.NewGroup.empty());
		}
		model.addAttribute("groups", supervision.groups(scope));
		model.addAttribute("mayKeep", Supervision.mayKeepGroups(user));
		model.addAttribute("kinds", GroupKind.values());
		model.addAttribute("waiting", supervision.waitingForMyReceipt(user, scope, PageRequest.of(0, 1)).total());
		return "supervision/index";
	}

	@PostMapping("/supervision/groups")
	String createGroup(CurrentUser user, DataScope scope, @ModelAttribute("form") Commands.NewGroup form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			LeadershipGroup g = supervision.createGroup(user, form);
			redirect.addFlashAttribute("notice", "已设立" + g.kind().label() + "“" + g.name() + "”");
			return "redirect:/supervision/groups/" + g.id();
		}
		catch (InvalidInputException ex) {
			FormBinding.showAgain(ex, form != null ? form : new Commands.NewGroup(null,
					FormBinding.typed(binding, "name"), FormBinding.typed(binding, "duties")), binding, model,
					response);
			return index(user, scope, model);
		}
	}

	@GetMapping("/supervision/groups/{id}")
	String group(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		GroupView view = supervision.group(scope, id);
		model.addAttribute("view", view);
		model.addAttribute("g", view.group());
		model.addAttribute("mayKeep",
				Supervision.mayKeepGroups(user) && view.group().unitId() == user.organisationId());
		model.addAttribute("roles", MemberRole.values());
		if (!model.containsAttribute("member")) {
			model.addAttribute("member", Commands.NewMember.empty());
		}
		return "supervision/group";
	}

	@PostMapping("/supervision/groups/{id}/members")
	String addMember(@PathVariable long id, CurrentUser user, DataScope scope,
			@ModelAttribute("member") Commands.NewMember form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		supervision.group(scope, id);
		try {
			FormBinding.refuse(binding, LABELS);
			supervision.addMember(user, scope, id, form);
			redirect.addFlashAttribute("notice", "已增加成员 " + form.name().strip());
			return "redirect:/supervision/groups/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("member",
					form != null ? form : new Commands.NewMember(FormBinding.typed(binding, "name"), null,
							FormBinding.typed(binding, "position"), FormBinding.typed(binding, "phone"), null));
			model.addAttribute("typedJoinedOn", FormBinding.typed(binding, "joinedOn"));
			return group(id, user, scope, model);
		}
	}

	@PostMapping("/supervision/groups/{id}/leave")
	String memberLeaves(@PathVariable long id, CurrentUser user, DataScope scope,
			@ModelAttribute("leave") Commands.MemberLeaves form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		supervision.group(scope, id);
		try {
			FormBinding.refuse(binding, LABELS);
			supervision.memberLeaves(user, scope, id, form);
			redirect.addFlashAttribute("notice", "已调整成员，记录保留在历史中");
			return "redirect:/supervision/groups/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("leaveErrors", ex.byField());
			model.addAttribute("typedReason", FormBinding.typed(binding, "reason"));
			return group(id, user, scope, model);
		}
	}

	// ---------------------------------------------------------------- visits

	@GetMapping("/supervision/visits")
	String visits(@RequestParam(required = false) VisitKind kind, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			CurrentUser user, DataScope scope, Model model) {
		Paged<Visit> visits = supervision.visits(scope, kind, region, year, PageRequest.of(page, PAGE_SIZE));
		PageLinks links = PageLinks.to("/supervision/visits")
			.with("kind", kind)
			.with("region", region)
			.with("year", year);
		model.addAttribute("visits", visits);
		model.addAttribute("links", links);
		model.addAttribute("exportLink", links.as("/supervision/visits.xlsx"));
		model.addAttribute("kind", kind);
		model.addAttribute("region", region);
		model.addAttribute("year", year);
		model.addAttribute("kinds", VisitKind.values());
		model.addAttribute("counties", supervision.counties());
		model.addAttribute("maySupervise", Supervision.maySupervise(user));
		return "supervision/visits";
	}

	@GetMapping("/supervision/visits.xlsx")
	ResponseEntity<byte[]> visitsExcel(@RequestParam(required = false) VisitKind kind,
			@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			CurrentUser user, DataScope scope) {
		List<Visit> all = everyPage(p -> supervision.visits(scope, kind, region, year, p));
		return Downloads.excel(SupervisionWorkbook.visits(all, unitName(user), supervision.today()),
				"督导检查记录-" + supervision.today() + ".xlsx");
	}

	@GetMapping("/supervision/visits/new")
	String visitForm(CurrentUser user, DataScope scope, Model model) {
		mustSupervise(user);
		model.addAttribute("form", Commands.NewVisit.empty(supervision.today()));
		return visitForm(scope, model);
	}

	private String visitForm(DataScope scope, Model model) {
		model.addAttribute("kinds", VisitKind.values());
		model.addAttribute("schools", supervision.schoolsFor(scope));
		return "supervision/visit-new";
	}

	@PostMapping("/supervision/visits")
	String recordVisit(CurrentUser user, DataScope scope, @ModelAttribute("form") Commands.NewVisit form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustSupervise(user);
		try {
			FormBinding.refuse(binding, LABELS);
			Visit v = supervision.recordVisit(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记" + v.kind().label() + "，请逐校登记发现的问题");
			return "redirect:/supervision/visits/" + v.id();
		}
		catch (InvalidInputException ex) {
			FormBinding.showAgain(ex, form != null ? form : new Commands.NewVisit(null, null,
					FormBinding.typed(binding, "team"), FormBinding.typed(binding, "summary"), List.of()), binding,
					model, response);
			model.addAttribute("typedVisitedOn", FormBinding.typed(binding, "visitedOn"));
			return visitForm(scope, model);
		}
	}

	@GetMapping("/supervision/visits/{id}")
	String visit(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		Visit v = supervision.visit(scope, id);
		model.addAttribute("v", v);
		model.addAttribute("mayRecord", Supervision.maySupervise(user) && scope.covers(v.unitId()));
		model.addAttribute("categories", HazardCategory.values());
		model.addAttribute("grades", HazardGrade.values());
		if (!model.containsAttribute("hazard")) {
			model.addAttribute("hazard",
					new HazardLedger.NewHazard(0, "", HazardCategory.OTHER, HazardGrade.GENERAL, "", "", "", "", null));
		}
		return "supervision/visit";
	}

	@PostMapping("/supervision/visits/{id}/findings")
	String addFinding(@PathVariable long id, CurrentUser user, DataScope scope,
			@ModelAttribute("finding") Commands.NewFinding form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		supervision.visit(scope, id);
		try {
			FormBinding.refuse(binding, LABELS);
			supervision.addFinding(user, scope, id, form);
			redirect.addFlashAttribute("notice", "已登记发现的问题");
			return "redirect:/supervision/visits/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("findingErrors", ex.byField());
			model.addAttribute("typedFinding", FormBinding.typed(binding, "text"));
			return visit(id, user, scope, model);
		}
	}

	@PostMapping("/supervision/visits/{id}/hazard")
	String raiseHazard(@PathVariable long id, @RequestParam(required = false) Long findingId, CurrentUser user,
			DataScope scope, @ModelAttribute("hazard") HazardLedger.NewHazard form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		supervision.visit(scope, id);
		try {
			FormBinding.refuse(binding, LABELS);
			if (findingId == null) {
				throw new InvalidInputException("findingId", "请选择要登记为隐患的发现");
			}
			Hazard h = supervision.raiseHazard(user, scope, id, findingId, form);
			redirect.addFlashAttribute("notice", "已登记为隐患 " + h.noticeNumber() + "，可在隐患台账中跟踪整改");
			return "redirect:/supervision/visits/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("hazardErrors", ex.byField());
			model.addAttribute("hazardFinding", findingId);
			model.addAttribute("hazard",
					form != null ? form : new HazardLedger.NewHazard(0, FormBinding.typed(binding, "place"), null, null,
							FormBinding.typed(binding, "description"), FormBinding.typed(binding, "requirements"),
							FormBinding.typed(binding, "responsibleUnit"),
							FormBinding.typed(binding, "responsiblePerson"), null));
			model.addAttribute("typedDeadline", FormBinding.typed(binding, "deadline"));
			return visit(id, user, scope, model);
		}
	}

	// ---------------------------------------------------------------- 通报

	@GetMapping("/supervision/notices")
	String notices(@RequestParam(required = false) Boolean pending, @RequestParam(required = false) Integer page,
			CurrentUser user, DataScope scope, Model model) {
		boolean mine = Boolean.TRUE.equals(pending);
		PageRequest request = PageRequest.of(page, PAGE_SIZE);
		model.addAttribute("notices",
				mine ? supervision.waitingForMyReceipt(user, scope, request) : supervision.notices(scope, request));
		model.addAttribute("links", PageLinks.to("/supervision/notices").with("pending", mine ? true : null));
		model.addAttribute("pending", mine);
		model.addAttribute("maySupervise", Supervision.maySupervise(user));
		return "supervision/notices";
	}

	@GetMapping("/supervision/notices/new")
	String noticeForm(@RequestParam(required = false) Long visitId, CurrentUser user, DataScope scope, Model model) {
		mustSupervise(user);
		model.addAttribute("form", new Commands.NewNotice(NoticeKind.CRITICISM, "", "", List.of(), visitId));
		return noticeForm(user, scope, model);
	}

	private String noticeForm(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("kinds", NoticeKind.values());
		model.addAttribute("units", supervision.unitsBelow(user, scope));
		return "supervision/notice-new";
	}

	@PostMapping("/supervision/notices")
	String issueNotice(CurrentUser user, DataScope scope, @ModelAttribute("form") Commands.NewNotice form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustSupervise(user);
		try {
			FormBinding.refuse(binding, LABELS);
			Notice n = supervision.issueNotice(user, scope, form);
			redirect.addFlashAttribute("notice", "已印发通报 " + n.number() + "，待 " + n.recipients().size() + " 个单位签收");
			return "redirect:/supervision/notices/" + n.id();
		}
		catch (InvalidInputException ex) {
			FormBinding.showAgain(ex, form != null ? form : new Commands.NewNotice(null,
					FormBinding.typed(binding, "title"), FormBinding.typed(binding, "body"), List.of(), null), binding,
					model, response);
			return noticeForm(user, scope, model);
		}
	}

	@GetMapping("/supervision/notices/{id}")
	String notice(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		Notice n = supervision.notice(scope, id);
		model.addAttribute("n", n);
		model.addAttribute("issuerSide", scope.covers(n.issuerUnitId()));
		model.addAttribute("mine",
				n.recipients().stream().filter(r -> r.unitId() == user.organisationId()).findFirst().orElse(null));
		return "supervision/notice";
	}

	@GetMapping("/supervision/notices/{id}/document.pdf")
	ResponseEntity<byte[]> noticePdf(@PathVariable long id, DataScope scope) {
		Notice n = supervision.notice(scope, id);
		return Downloads.pdfInline(pdf.render(supervision.document(n).html()), n.number() + ".pdf");
	}

	@PostMapping("/supervision/notices/{id}/receipt")
	String confirm(@PathVariable long id, CurrentUser user, DataScope scope, RedirectAttributes redirect) {
		supervision.confirm(user, scope, id);
		redirect.addFlashAttribute("notice", "已签收");
		return "redirect:/supervision/notices/" + id;
	}

	// ---------------------------------------------------------------- accountability

	@GetMapping("/supervision/accountability")
	String accountability(@RequestParam(required = false) AccountabilityKind kind,
			@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, CurrentUser user, DataScope scope, Model model) {
		PageLinks links = PageLinks.to("/supervision/accountability")
			.with("kind", kind)
			.with("region", region)
			.with("year", year);
		model.addAttribute("records",
				supervision.accountability(user, scope, kind, region, year, PageRequest.of(page, PAGE_SIZE)));
		model.addAttribute("links", links);
		model.addAttribute("exportLink", links.as("/supervision/accountability.xlsx"));
		model.addAttribute("kind", kind);
		model.addAttribute("region", region);
		model.addAttribute("year", year);
		model.addAttribute("kinds", AccountabilityKind.values());
		model.addAttribute("counties", supervision.counties());
		model.addAttribute("maySupervise", Supervision.maySupervise(user));
		return "supervision/accountability";
	}

	@GetMapping("/supervision/accountability.xlsx")
	ResponseEntity<byte[]> accountabilityExcel(@RequestParam(required = false) AccountabilityKind kind,
			@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			CurrentUser user, DataScope scope) {
		List<Accountability> all = everyPage(p -> supervision.accountability(user, scope, kind, region, year, p));
		return Downloads.excel(SupervisionWorkbook.accountability(all, unitName(user), supervision.today()),
				"问责记录-" + supervision.today() + ".xlsx");
	}

	@GetMapping("/supervision/accountability/new")
	String accountabilityForm(@RequestParam(required = false) Long hazardId,
			@RequestParam(required = false) Long incidentId, CurrentUser user, DataScope scope, Model model) {
		mustSupervise(user);
		Commands.NewAccountability empty = Commands.NewAccountability.empty(supervision.today());
		model.addAttribute("form",
				new Commands.NewAccountability(empty.kind(), null, empty.decidedOn(), "", "", incidentId, hazardId));
		return accountabilityForm(user, scope, model);
	}

	private String accountabilityForm(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("kinds", AccountabilityKind.values());
		model.addAttribute("units", supervision.unitsBelow(user, scope));
		return "supervision/accountability-new";
	}

	@PostMapping("/supervision/accountability")
	String recordAccountability(CurrentUser user, DataScope scope,
			@ModelAttribute("form") Commands.NewAccountability form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		mustSupervise(user);
		try {
			FormBinding.refuse(binding, LABELS);
			Accountability a = supervision.recordAccountability(user, scope, form);
			redirect.addFlashAttribute("notice", "已记录" + a.kind().label() + "：" + a.targetUnit());
			return "redirect:/supervision/accountability";
		}
		catch (InvalidInputException ex) {
			FormBinding.showAgain(ex,
					form != null ? form : new Commands.NewAccountability(null, null, null,
							FormBinding.typed(binding, "reason"), FormBinding.typed(binding, "measures"), null, null),
					binding, model, response);
			model.addAttribute("typedDecidedOn", FormBinding.typed(binding, "decidedOn"));
			model.addAttribute("typedIncidentId", FormBinding.typed(binding, "incidentId"));
			model.addAttribute("typedHazardId", FormBinding.typed(binding, "hazardId"));
			return accountabilityForm(user, scope, model);
		}
	}

	/** Every row of a paged list, for an export. */
	private static <T> List<T> everyPage(java.util.function.Function<PageRequest, Paged<T>> pages) {
		List<T> all = new java.util.ArrayList<>();
		for (int p = 0;; p++) {
			Paged<T> part = pages.apply(new PageRequest(p, PageRequest.MAX_SIZE));
			all.addAll(part.items());
			if (!part.hasNext()) {
				return all;
			}
		}
	}

	private String unitName(CurrentUser user) {
		return organisations.find(user.organisationId()).map(o -> o.name()).orElse("");
	}

	private static void mustSupervise(CurrentUser user) {
		if (!Supervision.maySupervise(user)) {
			throw new ForbiddenException("只有市、县（区）教育行政部门和公安机关可以督导、通报和问责");
		}
	}

}
