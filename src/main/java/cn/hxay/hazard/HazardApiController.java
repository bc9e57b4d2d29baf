package cn.hxay.hazard;

import cn.hxay.shared.web.Downloads;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.InvalidInputException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hazard ledger over HTTP. State changes are optimistic: send the {@code ETag} you
 * read as {@code If-Match}; if someone else saved in between you get 409 with a clear
 * message and nothing is overwritten.
 */
@RestController
@RequestMapping("/api/v1/hazards")
@io.swagger.v3.oas.annotations.tags.Tag(name = "隐患台账",
		description = "隐患的登记、查询、统计、台账导出、整改通知书与办理步骤；状态变更须带 If-Match；只含调用者管辖范围内的学校")
class HazardApiController {

	private final HazardLedger ledger;

	private final RectificationNotice notice;

	private final LedgerWorkbook workbook;

	HazardApiController(HazardLedger ledger, RectificationNotice notice, LedgerWorkbook workbook) {
		this.ledger = ledger;
		this.notice = notice;
		this.workbook = workbook;
	}

	record HazardResource(long id, int version, String noticeNumber, long schoolId, String schoolName,
			String regionCode, String place, HazardCategory category, String categoryLabel, HazardGrade grade,
			String gradeLabel, String description, String requirements, String responsibleUnit,
			String responsiblePerson, String foundBy, Instant foundAt, LocalDate deadline, HazardState state,
			String stateLabel, boolean overdue, boolean supervised, String temporarySafeguards, SupervisionPlan plan,
			Instant closedAt, boolean sensitive, Long sourceInspectionId, String sourceItem) {

		static HazardResource of(Hazard h) {
			return new HazardResource(h.id(), h.version(), h.noticeNumber(), h.schoolId(), h.schoolName(),
					h.regionCode(), h.place(), h.category(), h.category().label(), h.grade(), h.grade().label(),
					h.description(), h.requirements(), h.responsibleUnit(), h.responsiblePerson(), h.foundBy(),
					h.foundAt(), h.deadline(), h.state(), h.state().label(), h.overdue(), h.supervised(),
					h.temporarySafeguards(), h.plan(), h.closedAt(), h.sensitive(), h.sourceInspectionId(),
					h.sourceItem());
		}

	}

	record Step(
			@Size(max = 2000, message = "意见不能超过 2000 字") @Pattern(regexp = HazardLedger.PRINTABLE,
					message = "意见含有不可见的控制字符") String comment,
			@Size(max = 2000, message = "临时防范措施不能超过 2000 字") @Pattern(regexp = HazardLedger.PRINTABLE,
					message = "临时防范措施含有不可见的控制字符") String safeguards) {
	}

	@GetMapping
	List<HazardResource> list(DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) HazardState state, @RequestParam(required = false) HazardGrade grade,
			@RequestParam(required = false) Boolean supervised, @RequestParam(required = false) Boolean overdue) {
		return ledger.search(scope, region, state, grade, supervised, overdue)
			.stream()
			.map(HazardResource::of)
			.toList();
	}

	@GetMapping("/statistics")
	List<RectificationFigures> statistics(DataScope scope, @RequestParam(defaultValue = "false") boolean bySchool) {
		return ledger.figures(scope, bySchool);
	}

	@GetMapping("/ledger.xlsx")
	ResponseEntity<byte[]> ledgerWorkbook(DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) HazardState state, @RequestParam(required = false) HazardGrade grade,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
		List<Hazard> hazards = ledger.search(scope, region, state, grade, null, null)
			.stream()
			.filter(h -> LedgerWorkbook.within(h, from, to))
			.toList();
		return Downloads.excel(workbook.write(hazards), "隐患台账.xlsx");
	}

	@PostMapping
	ResponseEntity<HazardResource> raise(@Valid @RequestBody HazardLedger.NewHazard body, CurrentUser user,
			DataScope scope) {
		return ok(HttpStatus.CREATED, ledger.raise(user, scope, body));
	}

	@GetMapping("/{id}")
	ResponseEntity<HazardResource> get(@PathVariable long id, DataScope scope) {
		return ok(HttpStatus.OK, ledger.get(scope, id));
	}

	@GetMapping("/{id}/steps")
	List<HazardStep> steps(@PathVariable long id, DataScope scope) {
		return ledger.steps(scope, id);
	}

	@GetMapping("/{id}/notice.pdf")
	ResponseEntity<byte[]> noticePdf(@PathVariable long id, DataScope scope) {
		Hazard h = ledger.get(scope, id);
		return Downloads.pdf(notice.render(h), h.noticeNumber() + ".pdf");
	}

	@PostMapping("/{id}/start")
	ResponseEntity<HazardResource> start(@PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user, DataScope scope) {
		return ok(HttpStatus.OK, ledger.startRectification(user, scope, id, version(ifMatch)));
	}

	@PostMapping("/{id}/submit")
	ResponseEntity<HazardResource> submit(@PathVariable long id, @Valid @RequestBody(required = false) Step body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user, DataScope scope) {
		return ok(HttpStatus.OK,
				ledger.submitRectification(user, scope, id, version(ifMatch), body == null ? null : body.safeguards()));
	}

	@PostMapping("/{id}/safeguards")
	ResponseEntity<HazardResource> safeguards(@PathVariable long id, @Valid @RequestBody Step body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user, DataScope scope) {
		return ok(HttpStatus.OK, ledger.recordSafeguards(user, scope, id, version(ifMatch), body.safeguards()));
	}

	@PostMapping("/{id}/return")
	ResponseEntity<HazardResource> sendBack(@PathVariable long id, @Valid @RequestBody(required = false) Step body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user, DataScope scope) {
		return ok(HttpStatus.OK,
				ledger.returnForRework(user, scope, id, version(ifMatch), body == null ? null : body.comment()));
	}

	@PostMapping("/{id}/close")
	ResponseEntity<HazardResource> close(@PathVariable long id, @Valid @RequestBody(required = false) Step body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user, DataScope scope) {
		return ok(HttpStatus.OK, ledger.close(user, scope, id, version(ifMatch), body == null ? null : body.comment()));
	}

	@PostMapping("/{id}/plan")
	ResponseEntity<HazardResource> plan(@PathVariable long id, @Valid @RequestBody SupervisionPlan body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user, DataScope scope) {
		return ok(HttpStatus.OK, ledger.adoptPlan(user, scope, id, version(ifMatch), body));
	}

	private static ResponseEntity<HazardResource> ok(HttpStatus status, Hazard h) {
		return ResponseEntity.status(status).eTag(Integer.toString(h.version())).body(HazardResource.of(h));
	}

	private static int version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new InvalidInputException("If-Match", "修改须带 If-Match 头，值为读取时得到的 ETag");
		}
		try {
			return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "If-Match 头格式不正确");
		}
	}

}
