package cn.hxay.inspection;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.school.SchoolKind;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.web.Downloads;
import cn.hxay.shared.web.FormBinding;
import cn.hxay.shared.web.PageLinks;
import jakarta.servlet.http.HttpServletRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inspection pages: the campaign list and launch form, a campaign's progress by county
 * with drill-down, the phone-friendly fill-in page with photos, co-signing, review and
 * sampling, and the Annex forms.
 */
@Controller
class InspectionController {

	private final Inspections inspections;

	private final Organisations organisations;

	private final AnnexForms annexes;

	private final AnnexRecords annexRecords;

	private final JsonMapper json;

	InspectionController(Inspections inspections, Organisations organisations, AnnexForms annexes,
			AnnexRecords annexRecords, JsonMapper json) {
		this.annexRecords = annexRecords;
		this.inspections = inspections;
		this.organisations = organisations;
		this.annexes = annexes;
		this.json = json;
	}

	@GetMapping("/inspections")
	String campaigns(CurrentUser user, DataScope scope, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) String filter, Model model) {
		boolean cosign = "cosign".equals(filter);
		if (cosign) {
			model.addAttribute("toCosign", inspections.campaignsToCosign(scope, PageRequest.of(page, 20)));
		}
		else {
			model.addAttribute("campaigns", inspections.campaigns(scope, PageRequest.of(page, 20)));
		}
		if (cosign || inspections.mayCosign(user) || scope.policeData()) {
			model.addAttribute("cosignCount",
					cosign ? null : inspections.campaignsToCosign(scope, PageRequest.of(0, 1)).total());
		}
		model.addAttribute("cosignFilter", cosign);
		model.addAttribute("links", PageLinks.to("/inspections").with("filter", cosign ? "cosign" : null));
		model.addAttribute("mayLaunch", inspections.mayLaunch(user));
		model.addAttribute("today", inspections.today());
		return "inspection/campaigns";
	}

	@GetMapping("/inspections/campaigns/new")
	String newCampaign(CurrentUser user, Model model) {
		LocalDate today = inspections.today();
		model.addAttribute("form",
				new CampaignForm(today.getYear() + "年护校安园大检查", "", null, List.of(), "changzhou-2019-annex1",
						List.of(new PhaseForm("组织部署", today, today.plusDays(6)),
								new PhaseForm("自查自纠", today.plusDays(7), today.plusDays(37)),
								new PhaseForm("检查验收", today.plusDays(38), today.plusDays(90)),
								new PhaseForm("回头看", today.plusDays(91), today.plusDays(120))),
						today.plusDays(7), today.plusDays(37), "每月3日前报送进展"));
		return launchForm(user, model);
	}

	private static final Map<String, String> LAUNCH_LABELS = Map.of("schoolKinds", "学校类型", "selfCheckFrom",
			"自查开始日期（yyyy-MM-dd）", "selfCheckDue", "自查完成期限（yyyy-MM-dd）", "phases", "阶段日期（yyyy-MM-dd）");

	@PostMapping("/inspections/campaigns")
	String launch(@ModelAttribute("form") CampaignForm form, BindingResult binding, CurrentUser user, DataScope scope,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LAUNCH_LABELS);
			List<Phase> phases = form.phases()
				.stream()
				.filter(p -> p != null && p.name() != null && !p.name().isBlank())
				.map(p -> new Phase(p.name(), p.from(), p.to()))
				.toList();
			Campaign c = inspections.launch(user, scope,
					new NewCampaign(form.title(), form.issuers(), form.regionCode(), form.schoolKinds(),
							form.templateCode(), phases, form.selfCheckFrom(), form.selfCheckDue(), form.reporting()));
			boolean handedOut = inspections.launchProgress(scope, c.id()).map(p -> !p.running()).orElse(true);
			redirect.addFlashAttribute("notice", handedOut ? "检查任务已发起，已向范围内各校下发自查表" : "检查任务已发起，正在向范围内各校下发自查表，进度见下方");
			return "redirect:/inspections/campaigns/" + c.id();
		}
		catch (InvalidInputException ex) {
			FormBinding.showAgain(ex, form == null ? CampaignForm.EMPTY : form, binding, model, response);
			return launchForm(user, model);
		}
	}

	private String launchForm(CurrentUser user, Model model) {
		String own = organisations.get(user.organisationId()).regionCode();
		List<Region> regions = new ArrayList<>();
		regions.add(organisations.region(own));
		if (own.endsWith("00")) {
			regions.addAll(organisations.countiesOf(own));
		}
		model.addAttribute("regions", regions);
		model.addAttribute("kinds", SchoolKind.values());
		model.addAttribute("templates", inspections.templates());
		return "inspection/launch";
	}

	/**
	 * The launch form, bound by index ({@code phases[0].name}), and shown again as typed
	 * when refused.
	 */
	record CampaignForm(String title, String issuers, String regionCode, List<SchoolKind> schoolKinds,
			String templateCode, List<PhaseForm> phases,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate selfCheckFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate selfCheckDue, String reporting) {

		static final CampaignForm EMPTY = new CampaignForm("", "", null, List.of(), null, List.of(), null, null, "");

		CampaignForm {
			schoolKinds = schoolKinds == null ? List.of() : schoolKinds;
			phases = phases == null ? List.of() : phases;
		}

	}

	/** One row of the launch form's phase table. */
	record PhaseForm(String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
	}

	@GetMapping("/inspections/campaigns/{id}")
	String campaign(@PathVariable long id, CurrentUser user, DataScope scope, HtmxRequest htmx, Model model,
			HttpServletResponse response) {
		LaunchProgress launch = inspections.launchProgress(scope, id).orElse(null);
		if (htmx.isHtmxRequest() && launch != null) {
			// the progress bar polls this page while the forms are handed out, then
			// reloads it with the figures
			model.addAttribute("c", inspections.campaign(scope, id));
			model.addAttribute("launch", launch);
			if (!launch.running()) {
				response.setHeader("HX-Refresh", "true");
			}
			return "inspection/campaign :: launch";
		}
		return campaignPage(id, user, scope, model);
	}

	private String campaignPage(long id, CurrentUser user, DataScope scope, Model model) {
		Campaign c = inspections.campaign(scope, id);
		model.addAttribute("launch", inspections.launchProgress(scope, id).orElse(null));
		List<CampaignProgress> progress = inspections.progress(scope, id);
		model.addAttribute("c", c);
		model.addAttribute("progress", progress);
		model.addAttribute("currentPhase", c.phaseOn(inspections.today()).map(Phase::name).orElse(null));
		model.addAttribute("maySample", inspections.maySample(user));
		model.addAttribute("chart", chart(progress));
		if (inspections.mayCosign(user) || scope.policeData()) {
			// counted, not read: a page of forms waiting to be co-signed walked every
			// form of
			// a province when few wait
			model.addAttribute("toCosign", inspections.count(scope, id, "COSIGN"));
		}
		return "inspection/campaign";
	}

	private String chart(List<CampaignProgress> progress) {
		List<CampaignProgress> rows = progress.subList(0, Math.max(0, progress.size() - 1));
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("regions", rows.stream().map(CampaignProgress::regionName).toList());
		chart.put("accepted", rows.stream().map(CampaignProgress::accepted).toList());
		chart.put("waiting", rows.stream().map(p -> p.submitted() - p.accepted()).toList());
		chart.put("returned", rows.stream().map(CampaignProgress::returned).toList());
		chart.put("open", rows.stream().map(p -> p.assigned() - p.submitted() - p.returned()).toList());
		return json.writeValueAsString(chart);
	}

	@GetMapping("/inspections/campaigns/{id}/schools")
	String list(@PathVariable long id, @RequestParam(required = false) String region,
			@RequestParam(required = false) String state, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, CurrentUser user, DataScope scope, Model model,
			HttpServletResponse response) {
		Campaign c = inspections.campaign(scope, id);
		Paged<Inspection> list;
		try {
			list = inspections.inspections(scope, id, region, state, q, PageRequest.of(page, 50));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage() + "；以下为全部检查表");
			region = null;
			state = null;
			q = null;
			list = inspections.inspections(scope, id, null, null, null, PageRequest.of(page, 50));
		}
		model.addAttribute("c", c);
		model.addAttribute("list", list);
		model.addAttribute("region", region);
		model.addAttribute("state", state);
		model.addAttribute("q", q);
		model.addAttribute("filters", Inspections.LIST_FILTERS);
		model.addAttribute("inspections", inspections);
		model.addAttribute("mayReview", inspections.mayReview(user));
		model.addAttribute("zone", PlatformTime.ZONE);
		model.addAttribute("links",
				PageLinks.to("/inspections/campaigns/" + id + "/schools")
					.with("region", region)
					.with("state", state)
					.with("q", q));
		return "inspection/list";
	}

	/** The city's sampling form: a share in percent and optionally a county. */
	record SamplingForm(Integer percent, String region) {
	}

	@PostMapping("/inspections/campaigns/{id}/sampling")
	String sample(@PathVariable long id, @ModelAttribute SamplingForm form, BindingResult binding, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, Map.of("percent", "抽查比例"));
			int percent = form.percent() == null ? 10 : form.percent();
			int picked = inspections.sample(user, scope, id, percent, form.region());
			redirect.addFlashAttribute("notice", "已随机抽中 " + picked + " 所学校的检查表，请逐一填写抽查结论");
			return "redirect:/inspections/campaigns/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			return campaignPage(id, user, scope, model);
		}
	}

	@GetMapping("/inspections/{id}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		Inspection i = inspections.get(scope, id);
		return page(i, user, scope, model, null);
	}

	private String page(Inspection i, CurrentUser user, DataScope scope, Model model, FillForm typed) {
		Campaign campaign = inspections.campaignOf(i);
		ChecklistTemplate template = campaign.template();
		Map<String, String> values = new HashMap<>();
		for (ChecklistItem item : template.items()) {
			String v = i.answer(item);
			if (v != null && !(item.sensitive() && !scope.policeData())) {
				values.put(item.key(), v);
			}
		}
		if (inspections.mayFill(user) && i.state().editable()) {
			// unanswered items start from the school's posture record, marked as such
			Map<String, String> fromPosture = inspections.postureAnswers(i, template);
			fromPosture.forEach(values::putIfAbsent);
			model.addAttribute("fromPosture", fromPosture.keySet());
		}
		// items the records answer (drills, buses, disputes): unanswered ones start from
		// the records, each showing where it came from; a different typed answer is kept
		// and shown against the records
		Map<String, String> fromRecords = new HashMap<>();
		List<String> recordNotes = new java.util.ArrayList<>();
		annexRecords.answers(scope, i, template).forEach((key, r) -> {
			ChecklistItem item = template.item(key).orElseThrow();
			String typedOrSaved = values.get(key);
			if (inspections.mayFill(user) && i.state().editable() && typedOrSaved == null) {
				values.put(key, r.value());
			}
			fromRecords.put(key, r.source());
			String saved = i.answer(item);
			if (saved != null && !saved.equals(r.value())) {
				recordNotes.add("“" + item.label() + "”填报“" + item.display(saved) + "”，" + r.source() + "为“"
						+ item.display(r.value()) + "”：请核实，如有出入请在报告中说明原因");
			}
		});
		model.addAttribute("fromRecords", fromRecords);
		model.addAttribute("recordNotes", recordNotes);
		if (typed != null) {
			typed.answers().forEach((k, v) -> {
				if (v != null) {
					values.put(k, v);
				}
			});
			model.addAttribute("typedHeadmaster", typed.headmaster());
			model.addAttribute("typedDeclaration", typed.declaration());
		}
		inspections.auditPoliceRead(scope, i, "检查表页面");
		model.addAttribute("i", i);
		model.addAttribute("c", campaign);
		model.addAttribute("template", template);
		model.addAttribute("labels",
				template.items()
					.stream()
					.collect(java.util.stream.Collectors.toMap(ChecklistItem::key, ChecklistItem::label)));
		model.addAttribute("values", values);
		model.addAttribute("findings", i.findings(template, scope.policeData()));
		model.addAttribute("police", scope.policeData());
		model.addAttribute("zone", PlatformTime.ZONE);
		model.addAttribute("postureNotes", inspections.differencesFromPosture(i, template));
		model.addAttribute("missed", inspections.missed(i));
		model.addAttribute("steps", inspections.steps(scope, i.id()));
		model.addAttribute("photos", inspections.photos(scope, i.id()));
		model.addAttribute("mayFill", inspections.mayFill(user) && i.state().editable());
		model.addAttribute("mayCosign", inspections.mayCosign(user) && i.state().editable());
		model.addAttribute("mayReview", inspections.mayReview(user) && i.state() == InspectionState.SUBMITTED);
		model.addAttribute("mayRaise", inspections.mayReview(user) && i.state() == InspectionState.ACCEPTED);
		model.addAttribute("openHazards", inspections.openHazards(scope, i));
		if (inspections.mayReview(user)) {
			Long[] neighbours = inspections.reviewNeighbours(scope, i);
			model.addAttribute("previousToReview", neighbours[0]);
			model.addAttribute("nextToReview", neighbours[1]);
			// 拉单挂账: the 部位 and deadline each failing item is put on the ledger with, for
			// the reviewer to change
			Map<String, String> places = new HashMap<>();
			Map<String, LocalDate> deadlines = new HashMap<>();
			template.items().forEach(item -> {
				places.put(item.key(), Inspections.placeOf(item));
				deadlines.put(item.key(), inspections.ledgerDeadline(i, item));
			});
			model.addAttribute("ledgerPlaces", places);
			model.addAttribute("ledgerDeadlines", deadlines);
		}
		model.addAttribute("policeMissing", inspections.policePartMissing(i, template));
		model.addAttribute("maySampleResult", inspections.maySample(user) && i.sampled() && i.sampleResult() == null
				&& i.state() == InspectionState.ACCEPTED);
		return "inspection/show";
	}

	/**
	 * The fill-in form, bound by key ({@code a[cameras]}): the answers, the headmaster's
	 * name and, for the police station, its 无涉敏问题 declaration. Every button of the page
	 * that changes the form sends all of it.
	 *
	 * @param declarationShown the page offered the declaration (so an unticked box means
	 * "no declaration" rather than "left alone")
	 */
	record FillForm(Integer version, Map<String, String> a, String headmaster, Boolean declarationShown,
			Boolean noSensitiveFindings, String item) {

		Map<String, String> answers() {
			return a == null ? Map.of() : a;
		}

		/** The declaration as ticked, or {@code null} when the page did not offer it. */
		Boolean declaration() {
			return Boolean.TRUE.equals(declarationShown) ? Boolean.TRUE.equals(noSensitiveFindings) : null;
		}

		/**
		 * Whether anything of the form was sent at all (an upload alone sends nothing).
		 */
		boolean sent() {
			return version != null;
		}

	}

	private static final Map<String, String> FILL_LABELS = Map.of("version", "版本号", "declarationShown", "无涉敏问题",
			"noSensitiveFindings", "无涉敏问题");

	@PostMapping("/inspections/{id}")
	String save(@PathVariable long id, @ModelAttribute FillForm form, BindingResult binding,
			@RequestParam(defaultValue = "draft") String action, HttpServletRequest request, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		boolean submit = "submit".equals(action);
		try {
			int version = version(form, binding);
			Map<String, String> answers = answers(form);
			if (submit) {
				Inspection saved = inspections.saveDraft(user, scope, id, version, answers, form.headmaster(),
						form.declaration());
				String photo = photoIn(request, form, user, scope, id);
				inspections.submit(user, scope, id, saved.version(), null, null);
				redirect.addFlashAttribute("notice", "检查表已提交，等待上级验收" + photo);
			}
			else {
				inspections.saveDraft(user, scope, id, version, answers, form.headmaster(), form.declaration());
				redirect.addFlashAttribute("notice", "草稿已保存" + photoIn(request, form, user, scope, id));
			}
		}
		catch (InvalidInputException ex) {
			if (submit && inspections.get(scope, id).version() != safeVersion(form)) {
				// what was typed is saved as a draft; only the submission was refused
				model.addAttribute("notice", "已保存为草稿，但尚不能提交：");
			}
			else {
				// the input itself was refused: nothing was written
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
			return refused(id, form, ex, user, scope, model);
		}
		return "redirect:/inspections/" + id;
	}

	/**
	 * Co-signing by the police station saves what is on the page first (answers, the
	 * declaration, a chosen photo), in the same step: nothing typed is dropped.
	 */
	@PostMapping("/inspections/{id}/cosign")
	String cosign(@PathVariable long id, @ModelAttribute FillForm form, BindingResult binding,
			HttpServletRequest request, CurrentUser user, DataScope scope, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			int version = version(form, binding);
			inspections.cosign(user, scope, id, version, answers(form), form.headmaster(), form.declaration());
			redirect.addFlashAttribute("notice", "派出所已会签" + photoIn(request, form, user, scope, id));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return refused(id, form, ex, user, scope, model);
		}
		return "redirect:/inspections/" + id;
	}

	/**
	 * A photo for an item. From the fill-in page the whole form comes along and is saved
	 * as a draft first; a bare upload (no version) only adds the photo.
	 */
	@PostMapping("/inspections/{id}/photos")
	String upload(@PathVariable long id, @ModelAttribute FillForm form, BindingResult binding,
			HttpServletRequest request, CurrentUser user, DataScope scope, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		String item = form == null || form.item() == null ? "" : form.item();
		try {
			if (form != null && form.sent()) {
				inspections.saveDraft(user, scope, id, version(form, binding), answers(form), form.headmaster(),
						form.declaration());
				redirect.addFlashAttribute("notice", "草稿已保存" + photoIn(request, form, user, scope, id));
			}
			else {
				inspections.addPhoto(user, scope, id, item, null, FormBinding.upload(request, "photo"));
				redirect.addFlashAttribute("notice", "照片已上传");
			}
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return refused(id, form, ex, user, scope, model);
		}
		return "redirect:/inspections/" + id + "#item-" + item.replaceAll("[^A-Za-z0-9]", "");
	}

	/**
	 * Adds the photo chosen on the page, if any, after its answers were saved; a refused
	 * photo is reported without losing the saved answers.
	 */
	private String photoIn(HttpServletRequest request, FillForm form, CurrentUser user, DataScope scope, long id) {
		org.springframework.web.multipart.MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils
			.getNativeRequest(request, org.springframework.web.multipart.MultipartHttpServletRequest.class);
		MultipartFile file = multipart == null ? null : multipart.getFile("photo");
		if (file == null || file.isEmpty()) {
			return "";
		}
		try {
			inspections.addPhoto(user, scope, id, form.item(), file.getContentType(), file.getBytes());
			return "，照片已上传";
		}
		catch (InvalidInputException ex) {
			return "；照片未上传：" + ex.getMessage();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private String refused(long id, FillForm form, InvalidInputException ex, CurrentUser user, DataScope scope,
			Model model) {
		model.addAttribute("errors", ex.byField());
		model.addAttribute("errorList", ex.violations());
		return page(inspections.get(scope, id), user, scope, model,
				form == null ? new FillForm(null, Map.of(), null, null, null, null) : form);
	}

	private static int version(FillForm form, BindingResult binding) {
		FormBinding.refuse(binding, FILL_LABELS);
		if (form == null || form.version() == null) {
			throw new InvalidInputException("version", "缺少版本号，请刷新页面后重试");
		}
		return form.version();
	}

	private static int safeVersion(FillForm form) {
		return form == null || form.version() == null ? -1 : form.version();
	}

	/** The answers as sent, photo items left out (photos are uploaded). */
	private static Map<String, String> answers(FillForm form) {
		Map<String, String> answers = new HashMap<>();
		form.answers().forEach((key, value) -> answers.put(key, value));
		return answers;
	}

	/** Accept, return and sampling: the version read and an optional comment. */
	record ReviewForm(@NotNull(message = "缺少版本号，请刷新页面后重试") Integer version,
			@Size(max = 1900, message = "意见不能超过 1900 字") @Pattern(regexp = Inspections.PRINTABLE,
					message = "意见含有不可见的控制字符") String comment,
			Boolean raiseHazards, Boolean passed, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline) {
	}

	private static final Map<String, String> REVIEW_LABELS = Map.of("version", "版本号", "raiseHazards", "登记隐患", "passed",
			"抽查结论", "deadline", "整改期限");

	@PostMapping("/inspections/{id}/accept")
	String accept(@PathVariable long id, @Valid ReviewForm form, BindingResult binding, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		boolean raise = form != null && Boolean.TRUE.equals(form.raiseHazards());
		return review(id, form, binding, user, scope, model, response, redirect, raise ? "已验收通过，不符合项已登记为隐患" : "已验收通过",
				() -> inspections.accept(user, scope, id, form.version(), form.comment(), raise, form.deadline()));
	}

	@PostMapping("/inspections/campaigns/{id}/accept-clean")
	String acceptClean(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm, CurrentUser user,
			DataScope scope, RedirectAttributes redirect) {
		int accepted = inspections.acceptWithoutFailings(user, scope, id, confirm);
		redirect.addFlashAttribute("notice", "已批量验收 " + accepted + " 份无不符合项的检查表；有不符合项的请逐份验收");
		return "redirect:/inspections/campaigns/" + id + "/schools?state=SUBMITTED";
	}

	@PostMapping("/inspections/{id}/return")
	String returnForRework(@PathVariable long id, @Valid ReviewForm form, BindingResult binding, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return review(id, form, binding, user, scope, model, response, redirect, "已退回学校修改",
				() -> inspections.returnForRework(user, scope, id, form.version(), form.comment()));
	}

	@PostMapping("/inspections/{id}/sample-result")
	String sampleResult(@PathVariable long id, @Valid ReviewForm form, BindingResult binding, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (form != null && form.passed() == null && !binding.hasErrors()) {
			binding.rejectValue("passed", "required", "请选择抽查结论");
		}
		boolean passed = form != null && Boolean.TRUE.equals(form.passed());
		return review(id, form, binding, user, scope, model, response, redirect, passed ? "抽查结论：通过" : "抽查不合格，已退回学校",
				() -> inspections.recordSample(user, scope, id, form.version(), passed, form.comment()));
	}

	/**
	 * A review step; refused input shows the page again (400) with the reason and the
	 * comment as typed.
	 */
	private String review(long id, ReviewForm form, BindingResult binding, CurrentUser user, DataScope scope,
			Model model, HttpServletResponse response, RedirectAttributes redirect, String done, Runnable action) {
		try {
			FormBinding.refuse(binding, REVIEW_LABELS);
			action.run();
			redirect.addFlashAttribute("notice", done);
			return "redirect:/inspections/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("typedComment", form == null ? null : form.comment());
			return page(inspections.get(scope, id), user, scope, model, null);
		}
	}

	@PostMapping("/inspections/{id}/hazards")
	String raise(@PathVariable long id, @RequestParam(required = false) String item,
			@RequestParam(required = false) String place,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			CurrentUser user, DataScope scope, RedirectAttributes redirect) {
		try {
			var hazard = inspections.raiseHazard(user, scope, id, item == null ? "" : item, place, deadline);
			redirect.addFlashAttribute("notice", "已登记隐患 " + hazard.noticeNumber());
			return "redirect:/hazards/" + hazard.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/inspections/" + id;
		}
	}

	@GetMapping("/inspections/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, DataScope scope) {
		return inspections.photo(scope, id, photoId).response();
	}

	@GetMapping("/inspections/{id}/annex1.xlsx")
	ResponseEntity<byte[]> annex1Excel(@PathVariable long id, DataScope scope) {
		Inspection i = inspections.get(scope, id);
		inspections.auditPoliceRead(scope, i, "附件1 Excel");
		return Downloads.of(annexes.annex1Excel(i, inspections.campaignOf(i), scope), "附件1-" + i.schoolName() + ".xlsx",
				AnnexForms.XLSX);
	}

	@GetMapping("/inspections/{id}/annex1.pdf")
	ResponseEntity<byte[]> annex1Pdf(@PathVariable long id, DataScope scope) {
		Inspection i = inspections.get(scope, id);
		inspections.auditPoliceRead(scope, i, "附件1 PDF");
		return Downloads.of(annexes.annex1Pdf(i, inspections.campaignOf(i), scope), "附件1-" + i.schoolName() + ".pdf",
				MediaType.APPLICATION_PDF);
	}

	@GetMapping("/inspections/campaigns/{id}/annex2.xlsx")
	ResponseEntity<byte[]> annex2Excel(@PathVariable long id, @RequestParam(required = false) String region,
			DataScope scope) {
		AnnexForms.Summary s = annexes.summary(scope, id, region);
		return Downloads.of(annexes.annex2Excel(s), "附件2-" + s.areaName() + ".xlsx", AnnexForms.XLSX);
	}

	@GetMapping("/inspections/campaigns/{id}/annex2.pdf")
	ResponseEntity<byte[]> annex2Pdf(@PathVariable long id, @RequestParam(required = false) String region,
			DataScope scope) {
		AnnexForms.Summary s = annexes.summary(scope, id, region);
		return Downloads.of(annexes.annex2Pdf(s), "附件2-" + s.areaName() + ".pdf", MediaType.APPLICATION_PDF);
	}

}
