package cn.hxay.drill;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.hxay.hazard.Hazard;
import cn.hxay.hazard.HazardCategory;
import cn.hxay.hazard.HazardGrade;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.documents.Photos;
import cn.hxay.shared.web.Downloads;
import cn.hxay.shared.web.FormBinding;
import cn.hxay.shared.web.PageLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Drill pages: the bureau's board of schools (figures opening their lists, Excel), one
 * school's page (status per type, drills, sessions, activities) made for a phone, the
 * drill form (record or plan), one drill with its photos, completion and hazard forms,
 * and Annex 1's counted rows.
 */
@Controller
class DrillController {

	private static final String NO_SCHOOL = "请先在演练情况中选择学校";

	static final int PAGE_SIZE = 50;

	private static final Map<String, String> LABELS = Map.of("schoolId", "学校", "type", "演练类型", "day",
			"演练日期（格式 yyyy-MM-dd）", "participants", "参演人数", "durationMinutes", "用时（分钟）", "kind", "类别", "heldOn",
			"日期（格式 yyyy-MM-dd）", "audience", "受教育人数", "people", "参加人数", "leaderResponsible", "是否由校级领导直接负责");

	private static final Map<String, String> HAZARD_LABELS = Map.of("schoolId", "学校", "category", "隐患类别", "grade",
			"隐患等级", "deadline", "整改期限（格式 yyyy-MM-dd）");

	private final Drills drills;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final DrillWorkbook workbook;

	DrillController(Drills drills, SchoolRegistry schools, Organisations organisations, DrillWorkbook workbook) {
		this.drills = drills;
		this.schools = schools;
		this.organisations = organisations;
		this.workbook = workbook;
	}

	@GetMapping("/drills")
	String board(CurrentUser user, DataScope scope, @RequestParam(required = false) DrillStatus status,
			@RequestParam(required = false) DrillType type, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
		School own = schools.ownSchool(scope, user);
		if (own != null) {
			return "redirect:/drills/schools/" + own.id() + (status == null ? "" : "?status=" + status.name());
		}
		if (region != null && !region.isBlank() && !region.matches("\\d{2,6}")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", "地区代码应为 2–6 位数字；以下为全部学校");
			region = null;
		}
		List<SchoolDrills> all = drills.board(scope, new SchoolFilter(null, region, null, null, null, null));
		List<SchoolDrills> listed = all.stream().filter(s -> s.matches(status, type)).toList();
		int p = page == null || page < 0 ? 0 : page;
		int from = Math.min(p * PAGE_SIZE, listed.size());
		model.addAttribute("figures", Drills.countByStatus(all));
		model.addAttribute("total", all.size());
		model.addAttribute("listed", listed.size());
		model.addAttribute("rows", listed.subList(from, Math.min(from + PAGE_SIZE, listed.size())));
		model.addAttribute("page", p);
		model.addAttribute("pages", (listed.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		model.addAttribute("status", status);
		model.addAttribute("type", type);
		model.addAttribute("region", region);
		model.addAttribute("statuses", DrillStatus.values());
		model.addAttribute("types", DrillType.values());
		model.addAttribute("counties", organisations.counties());
		model.addAttribute("today", drills.today());
		PageLinks links = PageLinks.to("/drills").with("status", status).with("type", type).with("region", region);
		model.addAttribute("links", links);
		model.addAttribute("exportLink", links.as("/drills/export.xlsx"));
		return "drill/board";
	}

	@GetMapping("/drills/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, @RequestParam(required = false) DrillStatus status,
			@RequestParam(required = false) DrillType type, @RequestParam(required = false) String region) {
		if (region != null && !region.isBlank() && !region.matches("\\d{2,6}")) {
			throw new InvalidInputException("region", "地区代码应为 2–6 位数字");
		}
		List<SchoolDrills> listed = drills.board(scope, new SchoolFilter(null, region, null, null, null, null))
			.stream()
			.filter(s -> s.matches(status, type))
			.toList();
		return Downloads.excel(workbook.write(listed, drills.today()), "学校应急演练情况.xlsx");
	}

	@GetMapping("/drills/schools/{id}")
	String school(@PathVariable long id, @RequestParam(required = false) DrillStatus status, CurrentUser user,
			DataScope scope, Model model) {
		SchoolDrills board = drills.ofSchool(scope, id);
		model.addAttribute("s", board);
		model.addAttribute("status", status);
		model.addAttribute("types",
				board.types().stream().filter(t -> status == null || t.status() == status).toList());
		model.addAttribute("drills", drills.list(scope, id, null));
		model.addAttribute("sessions", drills.sessions(scope, id));
		model.addAttribute("activities", drills.activities(scope, id));
		model.addAttribute("mayRecord", drills.mayRecord(user));
		model.addAttribute("today", drills.today());
		model.addAttribute("rules", drills.rules());
		return "drill/school";
	}

	@GetMapping("/drills/new")
	String form(@RequestParam(required = false) Long schoolId, @RequestParam(required = false) DrillType type,
			CurrentUser user, DataScope scope, Model model) {
		mustRecord(user);
		School school = schools.chosenOrOwn(scope, schoolId, user, NO_SCHOOL);
		DrillForm form = DrillForm.empty(school.id(), drills.today());
		model.addAttribute("form", new DrillForm(school.id(), type, form.day(), null, null, "", ""));
		return form(school, model);
	}

	@PostMapping("/drills")
	String record(CurrentUser user, DataScope scope, @ModelAttribute("form") DrillForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		try {
			FormBinding.refuse(binding, LABELS);
			Drill d = drills.record(user, scope, form);
			redirect.addFlashAttribute("notice", d.held() ? "已记录" + d.type().label() : "已安排" + d.type().label());
			return "redirect:/drills/" + d.id();
		}
		catch (InvalidInputException ex) {
			DrillForm shown = form != null ? form
					: new DrillForm(FormBinding.typedLong(binding, "schoolId"),
							FormBinding.typedChoice(DrillType.class, binding, "type"), null, null, null,
							FormBinding.typed(binding, "scenario"), FormBinding.typed(binding, "lessons"));
			if (shown.schoolId() == null) {
				throw ex;
			}
			School school = schools.get(scope, shown.schoolId());
			FormBinding.showAgain(ex, shown, binding, model, response, "day", "participants", "durationMinutes");
			return form(school, model);
		}
	}

	private String form(School school, Model model) {
		model.addAttribute("school", school);
		model.addAttribute("types", DrillType.values());
		model.addAttribute("today", drills.today());
		return "drill/form";
	}

	@GetMapping("/drills/{id:\\d+}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		Drill d = drills.get(scope, id);
		model.addAttribute("d", d);
		model.addAttribute("photos", drills.photos(scope, id));
		model.addAttribute("mayRecord", drills.mayRecord(user));
		model.addAttribute("today", drills.today());
		model.addAttribute("categories", HazardCategory.values());
		model.addAttribute("grades", HazardGrade.values());
		if (!model.containsAttribute("hold")) {
			model.addAttribute("hold", new DrillForm(d.schoolId(), d.type(), drills.today(), null, null,
					d.scenario() == null ? "" : d.scenario(), ""));
		}
		if (!model.containsAttribute("hazard")) {
			model.addAttribute("hazard", new HazardLedger.NewHazard(d.schoolId(), "", HazardCategory.OTHER,
					HazardGrade.GENERAL, d.lessons() == null ? "" : d.lessons(), "", "", "", null));
		}
		return "drill/show";
	}

	@PostMapping("/drills/{id:\\d+}/hold")
	String hold(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("hold") DrillForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		Drill d = drills.get(scope, id);
		try {
			FormBinding.refuse(binding, LABELS);
			drills.hold(user, scope, id, new DrillForm(d.schoolId(), d.type(), form.day(), form.participants(),
					form.durationMinutes(), form.scenario(), form.lessons()));
			redirect.addFlashAttribute("notice", "已记录演练完成");
			return "redirect:/drills/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("hold", form != null ? form : new DrillForm(d.schoolId(), d.type(), null, null, null,
					FormBinding.typed(binding, "scenario"), FormBinding.typed(binding, "lessons")));
			FormBinding.keepTyped(binding, model, "day", "participants", "durationMinutes");
			return show(id, user, scope, model);
		}
	}

	@PostMapping("/drills/{id:\\d+}/photos")
	String upload(@PathVariable long id, HttpServletRequest request, @RequestParam(required = false) String caption,
			CurrentUser user, DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		drills.get(scope, id);
		try {
			drills.addPhoto(user, scope, id, FormBinding.upload(request, "photo"), caption);
			redirect.addFlashAttribute("notice", "照片已上传");
			return "redirect:/drills/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("typedCaption", caption);
			return show(id, user, scope, model);
		}
	}

	@GetMapping("/drills/{id:\\d+}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, DataScope scope) {
		byte[] bytes = drills.photo(scope, id, photoId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Photos.typeOf(bytes)))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	@PostMapping("/drills/{id:\\d+}/hazard")
	String raiseHazard(@PathVariable long id, CurrentUser user, DataScope scope,
			@ModelAttribute("hazard") HazardLedger.NewHazard form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		drills.get(scope, id);
		try {
			FormBinding.refuse(binding, HAZARD_LABELS);
			Hazard h = drills.raiseHazard(user, scope, id, form);
			redirect.addFlashAttribute("notice", "已将演练发现的问题登记为隐患 " + h.noticeNumber());
			return "redirect:/drills/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("hazardErrors", ex.byField());
			model.addAttribute("hazard",
					form != null ? form : new HazardLedger.NewHazard(0, FormBinding.typed(binding, "place"),
							FormBinding.typedChoice(HazardCategory.class, binding, "category"),
							FormBinding.typedChoice(HazardGrade.class, binding, "grade"),
							FormBinding.typed(binding, "description"), FormBinding.typed(binding, "requirements"),
							FormBinding.typed(binding, "responsibleUnit"),
							FormBinding.typed(binding, "responsiblePerson"), null));
			model.addAttribute("typedDeadline", FormBinding.typed(binding, "deadline"));
			return show(id, user, scope, model);
		}
	}

	@GetMapping("/drills/sessions/new")
	String sessionForm(@RequestParam(required = false) Long schoolId, CurrentUser user, DataScope scope, Model model) {
		mustRecord(user);
		School school = schools.chosenOrOwn(scope, schoolId, user, NO_SCHOOL);
		model.addAttribute("form", SessionForm.empty(school.id()));
		return sessionForm(school, model);
	}

	@PostMapping("/drills/sessions")
	String recordSession(CurrentUser user, DataScope scope, @ModelAttribute("form") SessionForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		try {
			FormBinding.refuse(binding, LABELS);
			SafetySession s = drills.recordSession(user, scope, form);
			redirect.addFlashAttribute("notice", "已记录" + s.kind().label() + "“" + s.topic() + "”");
			return "redirect:/drills/schools/" + s.schoolId();
		}
		catch (InvalidInputException ex) {
			SessionForm shown = form != null ? form
					: new SessionForm(FormBinding.typedLong(binding, "schoolId"),
							FormBinding.typedChoice(SessionKind.class, binding, "kind"), null,
							FormBinding.typed(binding, "topic"), FormBinding.typed(binding, "speaker"), null);
			if (shown.schoolId() == null) {
				throw ex;
			}
			FormBinding.showAgain(ex, shown, binding, model, response, "heldOn", "audience");
			return sessionForm(schools.get(scope, shown.schoolId()), model);
		}
	}

	private String sessionForm(School school, Model model) {
		model.addAttribute("school", school);
		model.addAttribute("kinds", SessionKind.values());
		model.addAttribute("today", drills.today());
		return "drill/session-form";
	}

	@GetMapping("/drills/activities/new")
	String activityForm(@RequestParam(required = false) Long schoolId, CurrentUser user, DataScope scope, Model model) {
		mustRecord(user);
		School school = schools.chosenOrOwn(scope, schoolId, user, NO_SCHOOL);
		model.addAttribute("form", ActivityForm.empty(school.id()));
		return activityForm(school, model);
	}

	@PostMapping("/drills/activities")
	String recordActivity(CurrentUser user, DataScope scope, @ModelAttribute("form") ActivityForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		try {
			FormBinding.refuse(binding, LABELS);
			GroupActivity a = drills.recordActivity(user, scope, form);
			redirect.addFlashAttribute("notice", "已记录团体活动“" + a.title() + "”");
			return "redirect:/drills/schools/" + a.schoolId();
		}
		catch (InvalidInputException ex) {
			ActivityForm shown = form != null ? form
					: new ActivityForm(FormBinding.typedLong(binding, "schoolId"), null,
							FormBinding.typed(binding, "title"), null,
							"true".equals(FormBinding.typed(binding, "leaderResponsible")),
							FormBinding.typed(binding, "leaderName"));
			if (shown.schoolId() == null) {
				throw ex;
			}
			FormBinding.showAgain(ex, shown, binding, model, response, "heldOn", "people");
			return activityForm(schools.get(scope, shown.schoolId()), model);
		}
	}

	private String activityForm(School school, Model model) {
		model.addAttribute("school", school);
		model.addAttribute("today", drills.today());
		return "drill/activity-form";
	}

	@GetMapping("/drills/annex")
	String annex(DataScope scope,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate today = drills.today();
		LocalDate start = from != null ? from : today.minusDays(90);
		LocalDate end = to != null ? to : today;
		List<AnnexFigures> rows = drills.annexFigures(scope, start, end);
		model.addAttribute("rows", rows);
		model.addAttribute("counties", Drills.byCounty(rows));
		model.addAttribute("regionNames", Region.namesByCode(organisations.regions()));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		return "drill/annex";
	}

	private void mustRecord(CurrentUser user) {
		if (!drills.mayRecord(user)) {
			throw new ForbiddenException("只有学校安全负责人和教育行政部门可以登记演练和安全教育");
		}
	}

}
