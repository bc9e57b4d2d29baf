package cn.hxay.surroundings;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Venues near schools and their violations over HTTP. Reads are scoped (a school sees the
 * venues within the zone of its own school); writes are police only. Changes are
 * optimistic: send the {@code ETag} you read as {@code If-Match}.
 */
@RestController
@Tag(name = "学生安全区域", description = "学校周边场所及距离规则违规台账；坐标以 WGS-84 保存，GCJ-02（高德、腾讯等地图）录入时换算")
class VenueApiController {

	private final Venues venues;

	VenueApiController(Venues venues) {
		this.venues = venues;
	}

	record VenueResource(long id, int version, VenueType type, String typeLabel, String name, String address,
			BigDecimal longitude, BigDecimal latitude, String inputSystem, BigDecimal inputLongitude,
			BigDecimal inputLatitude, long stationId, Long townshipId, boolean operating) {

		static VenueResource of(Venue v) {
			return new VenueResource(v.id(), v.version(), v.type(), v.type().label(), v.name(), v.address(),
					v.longitude(), v.latitude(), v.inputSystem(), v.inputLongitude(), v.inputLatitude(), v.stationId(),
					v.townshipId(), v.operating());
		}
	}

	record ViolationResource(long id, int version, long venueId, String venueName, VenueType venueType, long schoolId,
			String schoolName, String ruleCode, String ruleLabel, String citation, int limitMetres, int distanceMetres,
			ViolationStatus status, String statusLabel, String department, LocalDate deadline, LocalDate foundOn,
			LocalDate closedOn, String closedBy, String note, LocalDate recheckedOn) {

		static ViolationResource of(VenueViolation w) {
			return new ViolationResource(w.id(), w.version(), w.venueId(), w.venueName(), w.venueType(), w.schoolId(),
					w.schoolName(), w.ruleCode(), w.ruleLabel(), w.citation(), w.limitMetres(), w.distanceMetres(),
					w.status(), w.status().label(), w.department(), w.deadline(), w.foundOn(), w.closedOn(),
					w.closedBy(), w.note(), w.recheckedOn());
		}
	}

	@GetMapping("/api/v1/venues")
	@Operation(summary = "分页查询周边场所", description = "按类型、名称或地址、责任派出所筛选；page 从 0 开始，size 最大 200")
	Paged<VenueResource> list(DataScope scope, @RequestParam(required = false) VenueType type,
			@RequestParam(required = false) String text, @RequestParam(required = false) Long stationId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return venues.search(scope, new VenueFilter(type, text, stationId), PageRequest.of(page, size))
			.map(VenueResource::of);
	}

	@GetMapping("/api/v1/venues/rules")
	@Operation(summary = "距离规则表", description = "场所类型 × 最小距离（米，含）× 测量方式 × 学校类型 × 依据；按行政区划代码前缀适用")
	List<DistanceRule> rules() {
		return venues.rules();
	}

	@GetMapping("/api/v1/venues/{id}")
	@Operation(summary = "查看一个周边场所", description = "管辖范围以外返回 404")
	ResponseEntity<VenueResource> get(@PathVariable long id, DataScope scope) {
		Venue v = venues.get(scope, id);
		return ResponseEntity.ok().eTag(Integer.toString(v.version())).body(VenueResource.of(v));
	}

	@PostMapping("/api/v1/venues")
	@Operation(summary = "登记周边场所",
			description = "仅限公安；coordinateSystem 为 WGS84 或 GCJ02（GCJ-02 换算为 WGS-84 保存）；登记后即按规则比对学校距离")
	ResponseEntity<VenueResource> create(@RequestBody VenueDetails body, CurrentUser user, DataScope scope) {
		Venue v = venues.create(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/venues/" + v.id()))
			.eTag(Integer.toString(v.version()))
			.body(VenueResource.of(v));
	}

	@PutMapping("/api/v1/venues/{id}")
	@Operation(summary = "修改周边场所", description = "须带 If-Match 头；他人已修改则返回 409；修改后重新比对距离")
	ResponseEntity<VenueResource> change(@PathVariable long id, @RequestBody VenueDetails body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user, DataScope scope) {
		// who and which venue first, then the version: a refused caller learns nothing
		// more
		venues.requireWriter(user);
		venues.get(scope, id);
		Venue v = venues.change(user, scope, id, version(ifMatch), body);
		return ResponseEntity.ok().eTag(Integer.toString(v.version())).body(VenueResource.of(v));
	}

	@PostMapping("/api/v1/venues/{id}/recheck")
	@Operation(summary = "复查", description = "按规则重新比对；已销号后仍在规定距离内的，重新列入台账")
	ViolationsFound recheck(@PathVariable long id, CurrentUser user, DataScope scope) {
		return new ViolationsFound(venues.recheck(user, scope, id));
	}

	record ViolationsFound(int breaches) {
	}

	@GetMapping("/api/v1/venue-violations")
	@Operation(summary = "违规台账", description = "按状态（FOUND/RECTIFYING/CLOSED）、场所筛选")
	Paged<ViolationResource> violations(DataScope scope, @RequestParam(required = false) ViolationStatus status,
			@RequestParam(required = false) Long venueId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return venues.violations(scope, status, venueId, PageRequest.of(page, size)).map(ViolationResource::of);
	}

	@GetMapping("/api/v1/venue-violations/ledger.xlsx")
	@Operation(summary = "导出违规台账 (Excel)")
	ResponseEntity<byte[]> ledger(DataScope scope, @RequestParam(required = false) ViolationStatus status) {
		return Downloads.excel(ViolationWorkbook.write(all(venues, scope, status)), "周边场所违规台账.xlsx");
	}

	static List<VenueViolation> all(Venues venues, DataScope scope, ViolationStatus status) {
		List<VenueViolation> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			Paged<VenueViolation> p = venues.violations(scope, status, null,
					new PageRequest(page, PageRequest.MAX_SIZE));
			rows.addAll(p.items());
			if (!p.hasNext() || rows.size() >= 10_000) {
				return rows;
			}
		}
	}

	@GetMapping("/api/v1/venue-violations/{id}")
	@Operation(summary = "查看一条违规记录", description = "管辖范围以外返回 404")
	ResponseEntity<ViolationResource> violation(@PathVariable long id, DataScope scope) {
		VenueViolation w = venues.violation(scope, id);
		return ResponseEntity.ok().eTag(Integer.toString(w.version())).body(ViolationResource.of(w));
	}

	@PostMapping("/api/v1/venue-violations/{id}/moves")
	@Operation(summary = "推进违规记录",
			description = "target: RECTIFYING（须填 department、deadline）或 CLOSED 销号（须填 note）；version 为读取时的版本")
	ViolationResource move(@PathVariable long id, @RequestBody Venues.Move body, CurrentUser user, DataScope scope) {
		return ViolationResource.of(venues.move(user, scope, id, body));
	}

	private static int version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new InvalidInputException("If-Match", "请带上 If-Match 头（读取时的 ETag）");
		}
		try {
			return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "If-Match 头无效");
		}
	}

}
