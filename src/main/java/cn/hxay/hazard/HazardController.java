package cn.hxay.hazard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.web.PageLinks;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
			@RequestParam(required = false) HazardState state, @RequestParam(required = false) HazardGrade grade,
			@RequestParam(required = false) Boolean supervised, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Integer page, Model model) {
		Paged<Hazard> hazards = ledger.page(scope, region, state, grade, supervised, overdue, PageRequest.of(page, 30));
		model.addAttribute("hazards", hazards);
		model.addAttribute("figures", ledger.figures(scope, false));
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
			.with("state", state)
			.with("grade", grade)
			.with("supervised", supervised)
			.with("overdue", overdue);
		model.addAttribute("links", links);
		model.addAttribute("ledgerLink", links.as("/hazards/ledger.xlsx"));
		return "hazard/list";
	}

	@GetMapping("/hazards/ledger.xlsx")
	ResponseEntity<byte[]> ledgerWorkbook(DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) HazardState state, @RequestParam(required = false) HazardGrade grade,
			@RequestParam(required = false) Boolean supervised, @RequestParam(required = false) Boolean overdue) {
		List<Hazard> hazards = ledger.search(scope, region, state, grade, supervised, overdue);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("隐患台账.xlsx", java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(workbook.write(hazards));
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
	String raise(CurrentUser user, DataScope scope, @RequestParam long schoolId,
			@RequestParam(required = false) String place, @RequestParam(required = false) HazardCategory category,
			@RequestParam(required = false) HazardGrade grade, @RequestParam(required = false) String description,
			@RequestParam(required = false) String requirements, @RequestParam(required = false) String responsibleUnit,
			@RequestParam(required = false) String responsiblePerson, @RequestParam(required = false) String deadline,
			Model model, RedirectAttributes redirect) {
		HazardLedger.NewHazard form = new HazardLedger.NewHazard(schoolId, place, category, grade, description,
				requirements, responsibleUnit, responsiblePerson, null);
		try {
			LocalDate due = null;
			if (deadline != null && !deadline.isBlank()) {
				try {
					due = LocalDate.parse(deadline);
				}
				catch (DateTimeParseException ex) {
					throw new InvalidInputException("deadline", "整改期限格式应为 yyyy-MM-dd");
				}
			}
			form = new HazardLedger.NewHazard(schoolId, place, category, grade, description, requirements,
					responsibleUnit, responsiblePerson, due);
			Hazard h = ledger.raise(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记隐患并生成整改通知书 " + h.noticeNumber());
			return "redirect:/hazards/" + h.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			model.addAttribute("form", form);
			model.addAttribute("typedDeadline", deadline);
			return form(schools.get(scope, schoolId), model);
		}
	}

	@GetMapping("/hazards/{id}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		Hazard h = ledger.get(scope, id);
		model.addAttribute("h", h);
		model.addAttribute("steps", ledger.steps(scope, id));
		model.addAttribute("photos", ledger.photos(scope, id));
		boolean above = !(user.hasRole(Role.SCHOOL_SAFETY_LEAD) && user.roles().size() == 1);
		model.addAttribute("mayReview", above);
		return "hazard/show";
	}

	@GetMapping("/hazards/{id}/notice.pdf")
	ResponseEntity<byte[]> noticePdf(@PathVariable long id, DataScope scope) {
		Hazard h = ledger.get(scope, id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename("隐患整改通知书-" + h.id() + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(notice.render(h));
	}

	@PostMapping("/hazards/{id}/photos")
	String upload(@PathVariable long id, @RequestParam("photo") org.springframework.web.multipart.MultipartFile photo,
			@RequestParam(required = false) String caption, CurrentUser user, DataScope scope,
			RedirectAttributes redirect) throws java.io.IOException {
		try {
			ledger.addPhoto(user, scope, id, photo.getBytes(), caption);
			redirect.addFlashAttribute("notice", "照片已上传");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/hazards/" + id;
	}

	@GetMapping("/hazards/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, DataScope scope) {
		byte[] bytes = ledger.photo(scope, id, photoId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(cn.hxay.shared.documents.Photos.typeOf(bytes)))
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	@PostMapping("/hazards/{id}/{step}")
	String step(@PathVariable long id, @PathVariable String step, @RequestParam int version,
			@RequestParam(required = false) String text, @RequestParam(required = false) String goal,
			@RequestParam(required = false) String measures, @RequestParam(required = false) String funds,
			@RequestParam(required = false) String people, @RequestParam(required = false) String planDeadline,
			@RequestParam(required = false) String emergencyPlan, CurrentUser user, DataScope scope,
			RedirectAttributes redirect) {
		try {
			Hazard h = switch (step) {
				case "start" -> ledger.startRectification(user, scope, id, version);
				case "safeguards" -> ledger.recordSafeguards(user, scope, id, version, text);
				case "submit" -> ledger.submitRectification(user, scope, id, version, text);
				case "return" -> ledger.returnForRework(user, scope, id, version, text);
				case "close" -> ledger.close(user, scope, id, version, text);
				case "plan" -> ledger.adoptPlan(user, scope, id, version,
						new SupervisionPlan(goal, measures, funds, people,
								planDeadline == null || planDeadline.isBlank() ? null : LocalDate.parse(planDeadline),
								emergencyPlan));
				default -> throw new cn.hxay.shared.NotFoundException("没有这个操作：" + step);
			};
			redirect.addFlashAttribute("notice", "已办理，当前状态：" + h.state().label());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("problem", "督办方案的完成时限格式应为 yyyy-MM-dd");
		}
		return "redirect:/hazards/" + id;
	}

}
