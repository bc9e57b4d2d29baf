package cn.hxay.school;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The school registry for scripts and other systems, with the same validation and data
 * scope as the pages. Sign in with HTTP Basic. Updates are optimistic: send back the
 * {@code ETag} of the version you read as {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/schools")
@Tag(name = "学校名录", description = "学校的查询、登记与修改；只返回调用者管辖范围内的学校")
class SchoolApiController {

	private final SchoolRegistry registry;

	SchoolApiController(SchoolRegistry registry) {
		this.registry = registry;
	}

	/**
	 * A school as the API returns it: the registered details plus the names of the units
	 * it refers to.
	 */
	record SchoolResource(long id, int version, String code, String name, SchoolKind kind, String kindLabel,
			Ownership ownership, Locality locality, boolean boarding, int students, int boarders, int staff,
			String address, BigDecimal longitude, BigDecimal latitude, String headmasterName, String headmasterPhone,
			String safetyLeadName, String safetyLeadPhone, long educationBureauId, String educationBureauName,
			long policeStationId, String policeStationName, Long townshipId, String regionCode, boolean keySecurityUnit,
			boolean licensed, OffsetDateTime updatedAt) {

		static SchoolResource of(School school, Map<Long, Organisation> units) {
			SchoolDetails d = school.details();
			return new SchoolResource(school.id(), school.version(), d.code(), d.name(), d.kind(), d.kind().label(),
					d.ownership(), d.locality(), d.boarding(), d.students(), d.boarders(), d.staff(), d.address(),
					d.longitude(), d.latitude(), d.headmasterName(), d.headmasterPhone(), d.safetyLeadName(),
					d.safetyLeadPhone(), d.educationBureauId(), name(units, d.educationBureauId()), d.policeStationId(),
					name(units, d.policeStationId()), d.townshipId(), school.regionCode(), d.keySecurityUnit(),
					d.licensed(), school.updatedAt());
		}

		private static String name(Map<Long, Organisation> units, Long id) {
			Organisation unit = id == null ? null : units.get(id);
			return unit == null ? null : unit.name();
		}

	}

	@GetMapping
	@Operation(summary = "分页查询学校", description = "按名称/标识码、地区、派出所、类型、城乡、寄宿筛选；page 从 0 开始，size 最大 200")
	Paged<SchoolResource> list(DataScope scope, @RequestParam(required = false) String q,
			@Parameter(description = "县(区)或市的 GB/T 2260 代码") @RequestParam(required = false) String region,
			@RequestParam(required = false) Long policeStationId, @RequestParam(required = false) SchoolKind kind,
			@RequestParam(required = false) Locality locality, @RequestParam(required = false) Boolean boarding,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		SchoolFilter filter = new SchoolFilter(q, region, policeStationId, kind, locality, boarding);
		Paged<School> schools = registry.search(scope, filter, new PageRequest(page, size));
		long withPhones = schools.items()
			.stream()
			.filter(s -> s.details().headmasterPhone() != null || s.details().safetyLeadPhone() != null)
			.count();
		if (withPhones > 0) {
			registry.recordContactsRead(filter, "接口查询学校名录第 " + (schools.page() + 1) + " 页", withPhones);
		}
		Map<Long, Organisation> units = registry.unitsOf(schools.items());
		return schools.map(school -> SchoolResource.of(school, units));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看一所学校", description = "管辖范围以外的学校返回 404")
	ResponseEntity<SchoolResource> get(@PathVariable long id, DataScope scope) {
		School school = registry.get(scope, id);
		return ResponseEntity.ok()
			.eTag(Integer.toString(school.version()))
			.body(SchoolResource.of(school, registry.unitsOf(List.of(school))));
	}

	@PostMapping
	@Operation(summary = "登记学校", description = "仅教育局管理员；校验失败返回 400 及逐项原因")
	ResponseEntity<SchoolResource> register(@RequestBody SchoolDetails details, CurrentUser user, DataScope scope) {
		School school = registry.register(user, scope, details);
		return ResponseEntity.created(URI.create("/api/v1/schools/" + school.id()))
			.eTag(Integer.toString(school.version()))
			.body(SchoolResource.of(school, registry.unitsOf(List.of(school))));
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改学校", description = "须带 If-Match 头 (GET 返回的 ETag)；他人已修改则返回 409")
	ResponseEntity<?> change(@PathVariable long id, @RequestBody SchoolDetails details,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user, DataScope scope) {
		Integer version = parseVersion(ifMatch);
		if (version == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
					"修改须带 If-Match 头，值为读取时得到的 ETag");
			problem.setTitle("缺少版本");
			return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED).body(problem);
		}
		School school = registry.change(user, scope, id, version, details);
		return ResponseEntity.ok()
			.eTag(Integer.toString(school.version()))
			.body(SchoolResource.of(school, registry.unitsOf(List.of(school))));
	}

	private static Integer parseVersion(String ifMatch) {
		if (ifMatch == null) {
			return null;
		}
		String value = ifMatch.strip().replace("W/", "").replace("\"", "");
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
