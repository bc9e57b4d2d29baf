package cn.hxay.hotspot;

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

/** The hotspot register over HTTP, police only; times Beijing time. */
@RestController
@RequestMapping("/api/v1/hotspots")
@Tag(name = "治安乱点",
		description = "校园周边治安乱点（公安掌握的敏感信息，仅限公安）：地点与坐标（GCJ-02 录入时换算为 WGS-84）、按距离计算的周边学校、治安问题、责任派出所、整改措施和是否整改；附件1/附件2“校园周边治安乱点情况 / 是否整改”由此填写")
class HotspotApiController {

	private final Hotspots hotspots;

	HotspotApiController(Hotspots hotspots) {
		this.hotspots = hotspots;
	}

	record HotspotResource(long id, int version, String name, String address, BigDecimal longitude, BigDecimal latitude,
			String inputSystem, BigDecimal inputLongitude, BigDecimal inputLatitude, String problem, long stationId,
			Long townshipId, boolean fixed, String statusLabel, LocalDate fixedOn, String fixedBy, String registeredAt,
			List<Hotspot.NearbySchool> schools) {
	}

	record StepResource(String text, boolean fixed, String at, String byName, String byUnit) {
	}

	@GetMapping
	@Operation(summary = "治安乱点列表",
			description = "按状态 (status: OPEN 整改中 / FIXED 已整改)、学校 (schoolId，周边学校含该校) 和文字筛选；page 从 0 开始，size 最大 200")
	Paged<HotspotResource> list(CurrentUser user, DataScope scope, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long schoolId, @RequestParam(required = false) String text,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Boolean fixed = "FIXED".equals(status) ? Boolean.TRUE : "OPEN".equals(status) ? Boolean.FALSE : null;
		String q = text == null || text.length() <= 100 ? text : text.substring(0, 100);
		return hotspots.search(user, scope, fixed, schoolId, q, PageRequest.of(page, size)).map(h -> resource(h, null));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看治安乱点", description = "含周边学校及距离；管辖范围以外返回 404")
	ResponseEntity<HotspotResource> get(@PathVariable long id, CurrentUser user, DataScope scope) {
		Hotspot h = hotspots.get(user, scope, id);
		return ResponseEntity.ok()
			.eTag(Integer.toString(h.version()))
			.body(resource(h, hotspots.schoolsNear(user, scope, id)));
	}

	@GetMapping("/{id}/steps")
	@Operation(summary = "整改经过", description = "登记和每次整改措施，按时间先后；fixed 为整改完成的一步")
	List<StepResource> steps(@PathVariable long id, CurrentUser user, DataScope scope) {
		return hotspots.steps(user, scope, id)
			.stream()
			.map(s -> new StepResource(s.text(), s.fixed(), time(s.at()), s.byName(), s.byUnit()))
			.toList();
	}

	@PostMapping
	@Operation(summary = "登记治安乱点",
			description = "name、address、coordinateSystem（WGS84 或 GCJ02）、longitude、latitude、problem、stationId（责任派出所）、townshipId（可空）；周边学校按距离计算")
	ResponseEntity<HotspotResource> register(@RequestBody HotspotDetails body, CurrentUser user, DataScope scope) {
		Hotspot h = hotspots.register(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/hotspots/" + h.id()))
			.eTag(Integer.toString(h.version()))
			.body(resource(h, hotspots.schoolsNear(user, scope, h.id())));
	}

	@PostMapping("/{id}/steps")
	@Operation(summary = "记录整改措施", description = "text 为整改措施，fixed=true 表示整改完成（是否整改：是）；version 为读取时的版本；已整改的返回 409")
	HotspotResource rectify(@PathVariable long id, @RequestBody HotspotStep body, CurrentUser user, DataScope scope) {
		Hotspot h = hotspots.rectify(user, scope, id, body);
		return resource(h, hotspots.schoolsNear(user, scope, id));
	}

	private static HotspotResource resource(Hotspot h, List<Hotspot.NearbySchool> schools) {
		return new HotspotResource(h.id(), h.version(), h.name(), h.address(), h.longitude(), h.latitude(),
				h.inputSystem(), h.inputLongitude(), h.inputLatitude(), h.problem(), h.stationId(), h.townshipId(),
				h.fixed(), h.statusLabel(), h.fixedOn(), h.fixedBy(), time(h.registeredAt()), schools);
	}

	private static String time(Instant at) {
		return at == null ? null : PlatformTime.MINUTE.format(at);
	}

}
