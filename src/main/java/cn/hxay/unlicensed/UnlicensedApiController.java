package cn.hxay.unlicensed;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
 * The unlicensed-institution ledger over HTTP; dates {@code yyyy-MM-dd}, times Beijing
 * time. Moves name the {@code version} they were based on.
 */
@RestController
@RequestMapping("/api/v1/unlicensed-institutions")
@Tag(name = "无证办学",
		description = "无证幼儿园、看护点、校外培训班清理整顿台账：发现登记（坐标 WGS-84，GCJ-02 录入时换算）、责任部门和办证期限、逾期、办证销号（证照编号）或取缔销号、取缔后复查（重新开办则重新立案）；教育行政部门和公安机关按管辖范围查看")
class UnlicensedApiController {

	private final UnlicensedInstitutions institutions;

	UnlicensedApiController(UnlicensedInstitutions institutions) {
		this.institutions = institutions;
	}

	record InstitutionResource(long id, int version, InstitutionKind kind, String kindLabel, String name,
			String address, BigDecimal longitude, BigDecimal latitude, String inputSystem, BigDecimal inputLongitude,
			BigDecimal inputLatitude, String operator, int children, String foundBy, LocalDate foundOn,
			String regionCode, long policeStationId, Long townshipId, String department, LocalDate deadline,
			InstitutionStatus status, String statusLabel, boolean overdue, String licenceNo, LocalDate closedOn,
			String closedBy, LocalDate recheckDue, LocalDate recheckedOn, Long previousId, String registeredAt,
			String registeredUnit) {

		static InstitutionResource of(UnlicensedInstitution u, LocalDate today) {
			return new InstitutionResource(u.id(), u.version(), u.kind(), u.kind().label(), u.name(), u.address(),
					u.longitude(), u.latitude(), u.inputSystem(), u.inputLongitude(), u.inputLatitude(), u.operator(),
					u.children(), u.foundBy(), u.foundOn(), u.regionCode(), u.policeStationId(), u.townshipId(),
					u.department(), u.deadline(), u.status(), u.status().label(), u.overdue(today), u.licenceNo(),
					u.closedOn(), u.closedBy(), u.recheckDue(), u.recheckedOn(), u.previousId(), time(u.registeredAt()),
					u.registeredUnit());
		}

	}

	record StepResource(String action, String note, String at, String byName, String byUnit) {
	}

	@GetMapping
	@Operation(summary = "无证办学台账",
			description = "按类别 (kind: KINDERGARTEN/CARE_POINT/TUTORING/PRIVATE_SCHOOL)、状态 (status: PENDING/LICENSED/BANNED)、县区代码 (region)、逾期 (overdue=true)、待复查 (recheck=true) 和文字筛选；page 从 0 开始，size 最大 200")
	Paged<InstitutionResource> list(CurrentUser user, DataScope scope, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String status, @RequestParam(required = false) String region,
			@RequestParam(required = false) String overdue, @RequestParam(required = false) String recheck,
			@RequestParam(required = false) String text, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		LocalDate today = institutions.today();
		return institutions
			.search(user, scope, new InstitutionQuery(kind, status, region, overdue, recheck, text).filter(),
					PageRequest.of(page, size))
			.map(u -> InstitutionResource.of(u, today));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看一条无证办学记录", description = "管辖范围以外返回 404")
	ResponseEntity<InstitutionResource> get(@PathVariable long id, CurrentUser user, DataScope scope) {
		UnlicensedInstitution u = institutions.get(user, scope, id);
		return ResponseEntity.ok()
			.eTag(Integer.toString(u.version()))
			.body(InstitutionResource.of(u, institutions.today()));
	}

	@GetMapping("/{id}/steps")
	@Operation(summary = "办理经过", description = "发现立案、办证销号、取缔销号、复查，按时间先后")
	List<StepResource> steps(@PathVariable long id, CurrentUser user, DataScope scope) {
		return institutions.steps(user, scope, id)
			.stream()
			.map(s -> new StepResource(s.action(), s.note(), time(s.at()), s.byName(), s.byUnit()))
			.toList();
	}

	@PostMapping
	@Operation(summary = "登记无证办学机构",
			description = "kind、name、address、coordinateSystem（WGS84 或 GCJ02）、longitude、latitude、operator、children、stationId（属地派出所）、townshipId（可空）、foundBy、foundOn、department（责任部门）、deadline（办证期限，今天到一年内）")
	ResponseEntity<InstitutionResource> register(@RequestBody NewInstitution body, CurrentUser user, DataScope scope) {
		UnlicensedInstitution u = institutions.register(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/unlicensed-institutions/" + u.id()))
			.eTag(Integer.toString(u.version()))
			.body(InstitutionResource.of(u, institutions.today()));
	}

	@PostMapping("/{id}/license")
	@Operation(summary = "办证销号", description = "licenceNo 为办学许可证或登记证书编号，note 可空；version 为读取时的版本；已销号的返回 409")
	InstitutionResource license(@PathVariable long id, @RequestBody LedgerMove body, CurrentUser user,
			DataScope scope) {
		return InstitutionResource.of(institutions.license(user, scope, id, body), institutions.today());
	}

	@PostMapping("/{id}/ban")
	@Operation(summary = "取缔销号", description = "note 写明取缔情况；version 为读取时的版本；取缔后按期复查")
	InstitutionResource ban(@PathVariable long id, @RequestBody LedgerMove body, CurrentUser user, DataScope scope) {
		return InstitutionResource.of(institutions.ban(user, scope, id, body), institutions.today());
	}

	@PostMapping("/{id}/recheck")
	@Operation(summary = "取缔后复查",
			description = "reopened=false：仍已关停；reopened=true：重新开办，须填 deadline，返回新立案的记录（previousId 为原记录）；note 写明复查情况")
	InstitutionResource recheck(@PathVariable long id, @RequestBody LedgerMove body, CurrentUser user,
			DataScope scope) {
		return InstitutionResource.of(institutions.recheck(user, scope, id, body), institutions.today());
	}

	private static String time(Instant at) {
		return at == null ? null : PlatformTime.MINUTE.format(at);
	}

}
