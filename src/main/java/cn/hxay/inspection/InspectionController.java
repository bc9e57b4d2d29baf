package cn.hxay.inspection;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import cn.hxay.shared.Violation;
import cn.hxay.shared.web.PageLinks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
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

	static final String FIELD = "a_";

	private final Inspections inspections;

	private final Organisations organisations;

	private final AnnexForms annexes;

	private final JsonMapper json;

	InspectionController(Inspections inspections, Organisations organisations, AnnexForms annexes, JsonMapper json) {
		this.inspections = inspections;
		this.organisations = organisations;
		this.annexes = annexes;
		this.json = json;
	}

	@GetMapping("/inspections")
	String campaigns(CurrentUser user, DataScope scope, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("campaigns", inspections.campaigns(scope, PageRequest.of(page, 20)));
		model.addAttribute("links", PageLinks.to("/inspections"));
		model.addAttribute("mayLaunch", inspections.mayLaunch(user));
		model.addAttribute("today", LocalDate.now());
		return "inspection/campaigns";
	}

	@GetMapping("/inspections/campaigns/new")
	String newCampaign(CurrentUser user, Model model) {
		LocalDate today = LocalDate.now();
		model.addAttribute("form",
				new CampaignForm(today.getYear() + "年护校安园大检查", "", null, List.of(), "changzhou-2019-annex1",
						List.of(new Phase("组织部署", today, today.plusDays(6)),
								new Phase("自查自纠", today.plusDays(7), today.plusDays(37)),
								new Phase("检查验收", today.plusDays(38), today.plusDays(90)),
								new Phase("回头看", today.plusDays(91), today.plusDays(120))),
						today.plusDays(7), today.plusDays(37), "每月3日前报送进展"));
		return launchForm(user, model);
	}

	@PostMapping("/inspections/campaigns")
	String launch(@RequestParam MultiValueMap<String, String> form, CurrentUser user, DataScope scope, Model model,
			RedirectAttributes redirect) {
		List<Violation> problems = new ArrayList<>();
		List<Phase> phases = new ArrayList<>();
		List<String> names = form.getOrDefault("phaseName", List.of());
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i) == null || names.get(i).isBlank()) {
				continue;
			}
			phases.add(new Phase(names.get(i), date(at(form, "phaseFrom", i), "phases", problems),
					date(at(form, "phaseTo", i), "phases", problems)));
		}
		List<SchoolKind> kinds = form.getOrDefault("schoolKinds", List.of())
			.stream()
			.filter(k -> k != null && !k.isBlank())
			.map(SchoolKind::valueOf)
			.toList();
		CampaignForm submitted = new CampaignForm(form.getFirst("title"), form.getFirst("issuers"),
				form.getFirst("regionCode"), kinds, form.getFirst("templateCode"), phases,
				date(form.getFirst("selfCheckFrom"), "selfCheckDue", problems),
				date(form.getFirst("selfCheckDue"), "selfCheckDue", problems), form.getFirst("reporting"));
		try {
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			Campaign c = inspections.launch(user, scope,
					new NewCampaign(submitted.title(), submitted.issuers(), submitted.regionCode(), kinds,
							submitted.templateCode(), phases, submitted.selfCheckFrom(), submitted.selfCheckDue(),
							submitted.reporting()));
			redirect.addFlashAttribute("notice", "检查任务已发起，已向范围内各校下发自查表");
			return "redirect:/inspections/campaigns/" + c.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			model.addAttribute("form", submitted);
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
	 * The launch form as typed, so nothing is lost when it is shown again with errors.
	 */
	record CampaignForm(String title, String issuers, String regionCode, List<SchoolKind> schoolKinds,
			String templateCode, List<Phase> phases, LocalDate selfCheckFrom, LocalDate selfCheckDue,
			String reporting) {
	}

	@GetMapping("/inspections/campaigns/{id}")
	String campaign(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		Campaign c = inspections.campaign(scope, id);
		List<InspectionStore.Progress> progress = inspections.progress(scope, id);
		model.addAttribute("c", c);
		model.addAttribute("progress", progress);
		model.addAttribute("currentPhase", c.phaseOn(LocalDate.now()).map(Phase::name).orElse(null));
		model.addAttribute("maySample", inspections.maySample(user));
		model.addAttribute("chart", chart(progress));
		return "inspection/campaign";
	}

	private String chart(List<InspectionStore.Progress> progress) {
		List<InspectionStore.Progress> rows = progress.subList(0, Math.max(0, progress.size() - 1));
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("regions", rows.stream().map(InspectionStore.Progress::regionName).toList());
		chart.put("accepted", rows.stream().map(InspectionStore.Progress::accepted).toList());
		chart.put("waiting", rows.stream().map(p -> p.submitted() - p.accepted()).toList());
		chart.put("returned", rows.stream().map(InspectionStore.Progress::returned).toList());
		chart.put("open", rows.stream().map(p -> p.assigned() - p.submitted() - p.returned()).toList());
		return json.writeValueAsString(chart);
	}

	@GetMapping("/inspections/campaigns/{id}/schools")
	String list(@PathVariable long id, @RequestParam(required = false) String region,
			@RequestParam(required = false) String state, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, DataScope scope, Model model) {
		Campaign c = inspections.campaign(scope, id);
		Paged<Inspection> list = inspections.inspections(scope, id, region, state, q, PageRequest.of(page, 50));
		model.addAttribute("c", c);
		model.addAttribute("list", list);
		model.addAttribute("region", region);
		model.addAttribute("state", state);
		model.addAttribute("q", q);
		model.addAttribute("states", InspectionState.values());
		model.addAttribute("inspections", inspections);
		model.addAttribute("links",
				PageLinks.to("/inspections/campaigns/" + id + "/schools")
					.with("region", region)
					.with("state", state)
					.with("q", q));
		return "inspection/list";
	}

	@PostMapping("/inspections/campaigns/{id}/sampling")
	String sample(@PathVariable long id, @RequestParam(defaultValue = "10") int percent,
			@RequestParam(required = false) String region, CurrentUser user, DataScope scope,
			RedirectAttributes redirect) {
		try {
			int picked = inspections.sample(user, scope, id, percent, region);
			redirect.addFlashAttribute("notice", "已随机抽中 " + picked + " 所学校的检查表，请逐一填写抽查结论");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("notice", ex.getMessage());
		}
		return "redirect:/inspections/campaigns/" + id;
	}

	@GetMapping("/inspections/{id}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		Inspection i = inspections.get(scope, id);
		return page(i, user, scope, model, null);
	}

	private String page(Inspection i, CurrentUser user, DataScope scope, Model model, Map<String, String> typed) {
		Campaign campaign = inspections.campaignOf(i);
		ChecklistTemplate template = campaign.template();
		Map<String, String> values = new HashMap<>();
		for (ChecklistItem item : template.items()) {
			String v = i.answer(item);
			if (v != null && !(item.sensitive() && !scope.policeData())) {
				values.put(item.key(), v);
			}
		}
		if (typed != null) {
			values.putAll(typed);
		}
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
		model.addAttribute("postureNotes", inspections.differencesFromPosture(i, template));
		model.addAttribute("missed", inspections.missed(i));
		model.addAttribute("steps", inspections.steps(scope, i.id()));
		model.addAttribute("photos", inspections.photos(scope, i.id()));
		model.addAttribute("mayFill", inspections.mayFill(user) && i.state().editable());
		model.addAttribute("mayCosign", inspections.mayCosign(user) && i.state().editable());
		model.addAttribute("mayReview", inspections.mayReview(user) && i.state() == InspectionState.SUBMITTED);
		model.addAttribute("mayRaise", inspections.mayReview(user) && i.state() == InspectionState.ACCEPTED);
		model.addAttribute("maySampleResult", inspections.maySample(user) && i.sampled() && i.sampleResult() == null
				&& i.state() == InspectionState.ACCEPTED);
		return "inspection/show";
	}

	@PostMapping("/inspections/{id}")
	String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
			@RequestParam(defaultValue = "draft") String action, CurrentUser user, DataScope scope, Model model,
			RedirectAttributes redirect) {
		Inspection current = inspections.get(scope, id);
		Map<String, String> answers = answers(inspections.templateOf(current), form, scope.policeData());
		int version = Integer.parseInt(form.getFirst("version"));
		try {
			if ("submit".equals(action)) {
				inspections.submit(user, scope, id, version, answers, form.getFirst("headmaster"));
				redirect.addFlashAttribute("notice", "检查表已提交，等待上级验收");
			}
			else {
				inspections.saveDraft(user, scope, id, version, answers, form.getFirst("headmaster"));
				redirect.addFlashAttribute("notice", "草稿已保存");
			}
		}
		catch (InvalidInputException ex) {
			if ("submit".equals(action)) {
				// keep what was typed even when submission is refused
				try {
					inspections.saveDraft(user, scope, id, version, answers, form.getFirst("headmaster"));
					model.addAttribute("notice", "已保存为草稿，但尚不能提交：");
				}
				catch (InvalidInputException formProblems) {
					ex = formProblems;
				}
			}
			model.addAttribute("errors", ex.byField());
			model.addAttribute("errorList", ex.violations());
			Map<String, String> typed = new HashMap<>(answers);
			typed.values().removeIf(java.util.Objects::isNull);
			model.addAttribute("typedHeadmaster", form.getFirst("headmaster"));
			return page(inspections.get(scope, id), user, scope, model, typed);
		}
		return "redirect:/inspections/" + id;
	}

	static Map<String, String> answers(ChecklistTemplate template, MultiValueMap<String, String> form, boolean police) {
		Map<String, String> answers = new HashMap<>();
		for (ChecklistItem item : template.items()) {
			if (item.type() == ItemType.PHOTO || (item.sensitive() && !police)
					|| !form.containsKey(FIELD + item.key())) {
				continue;
			}
			answers.put(item.key(), form.getFirst(FIELD + item.key()));
		}
		return answers;
	}

	@PostMapping("/inspections/{id}/cosign")
	String cosign(@PathVariable long id, @RequestParam int version, CurrentUser user, DataScope scope,
			RedirectAttributes redirect) {
		return act(id, redirect, "派出所已会签", () -> inspections.cosign(user, scope, id, version));
	}

	@PostMapping("/inspections/{id}/accept")
	String accept(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String comment,
			@RequestParam(defaultValue = "false") boolean raiseHazards, CurrentUser user, DataScope scope,
			RedirectAttributes redirect) {
		return act(id, redirect, raiseHazards ? "已验收通过，不符合项已登记为隐患" : "已验收通过",
				() -> inspections.accept(user, scope, id, version, comment, raiseHazards));
	}

	@PostMapping("/inspections/{id}/return")
	String returnForRework(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String comment, CurrentUser user, DataScope scope,
			RedirectAttributes redirect) {
		return act(id, redirect, "已退回学校修改", () -> inspections.returnForRework(user, scope, id, version, comment));
	}

	@PostMapping("/inspections/{id}/sample-result")
	String sampleResult(@PathVariable long id, @RequestParam int version, @RequestParam boolean passed,
			@RequestParam(required = false) String comment, CurrentUser user, DataScope scope,
			RedirectAttributes redirect) {
		return act(id, redirect, passed ? "抽查结论：通过" : "抽查不合格，已退回学校",
				() -> inspections.recordSample(user, scope, id, version, passed, comment));
	}

	@PostMapping("/inspections/{id}/hazards")
	String raise(@PathVariable long id, @RequestParam String item, CurrentUser user, DataScope scope,
			RedirectAttributes redirect) {
		try {
			var hazard = inspections.raiseHazard(user, scope, id, item);
			redirect.addFlashAttribute("notice", "已登记隐患 " + hazard.noticeNumber());
			return "redirect:/hazards/" + hazard.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/inspections/" + id;
		}
	}

	@PostMapping("/inspections/{id}/photos")
	String upload(@PathVariable long id, @RequestParam String item, @RequestParam("photo") MultipartFile photo,
			CurrentUser user, DataScope scope, RedirectAttributes redirect) throws IOException {
		try {
			inspections.addPhoto(user, scope, id, item, photo.getContentType(), photo.getBytes());
			redirect.addFlashAttribute("notice", "照片已上传");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/inspections/" + id + "#item-" + item;
	}

	@GetMapping("/inspections/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, DataScope scope) {
		InspectionStore.PhotoContent p = inspections.photo(scope, id, photoId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(p.contentType()))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(p.bytes());
	}

	@GetMapping("/inspections/{id}/annex1.xlsx")
	ResponseEntity<byte[]> annex1Excel(@PathVariable long id, DataScope scope) {
		Inspection i = inspections.get(scope, id);
		return download(annexes.annex1Excel(i, inspections.campaignOf(i), scope.policeData()),
				"附件1-" + i.schoolName() + ".xlsx", AnnexForms.XLSX);
	}

	@GetMapping("/inspections/{id}/annex1.pdf")
	ResponseEntity<byte[]> annex1Pdf(@PathVariable long id, DataScope scope) {
		Inspection i = inspections.get(scope, id);
		return download(annexes.annex1Pdf(i, inspections.campaignOf(i), scope.policeData()),
				"附件1-" + i.schoolName() + ".pdf", MediaType.APPLICATION_PDF);
	}

	@GetMapping("/inspections/campaigns/{id}/annex2.xlsx")
	ResponseEntity<byte[]> annex2Excel(@PathVariable long id, @RequestParam(required = false) String region,
			DataScope scope) {
		AnnexForms.Summary s = annexes.summary(scope, id, region);
		return download(annexes.annex2Excel(s), "附件2-" + s.areaName() + ".xlsx", AnnexForms.XLSX);
	}

	@GetMapping("/inspections/campaigns/{id}/annex2.pdf")
	ResponseEntity<byte[]> annex2Pdf(@PathVariable long id, @RequestParam(required = false) String region,
			DataScope scope) {
		AnnexForms.Summary s = annexes.summary(scope, id, region);
		return download(annexes.annex2Pdf(s), "附件2-" + s.areaName() + ".pdf", MediaType.APPLICATION_PDF);
	}

	private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(filename, java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", done);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/inspections/" + id;
	}

	private static String at(MultiValueMap<String, String> form, String name, int i) {
		List<String> values = form.getOrDefault(name, List.of());
		return i < values.size() ? values.get(i) : null;
	}

	private static LocalDate date(String text, String field, List<Violation> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(Violation.of(field, "日期格式应为 yyyy-MM-dd：" + text));
			return null;
		}
	}

}
