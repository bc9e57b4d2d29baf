package cn.hxay.schoolbus;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * School buses, drivers, routes and their lapsing dates over HTTP; dates
 * {@code yyyy-MM-dd}.
 */
@RestController
@RequestMapping("/api/v1/school-buses")
@Tag(name = "校车", description = "校车（车牌、座位数、校车标牌、安全技术检验有效期）、驾驶人（准驾车型、驾驶证有效期、安全培训）、审批线路；到期前预警、过期标红；附件1“校车等安全隐患情况”")
class SchoolBusApiController {

	private final SchoolBuses buses;

	SchoolBusApiController(SchoolBuses buses) {
		this.buses = buses;
	}

	@GetMapping
	@Operation(summary = "校车", description = "管辖范围内的校车；可按 schoolId 筛选")
	List<Bus> list(DataScope scope, @RequestParam(required = false) Long schoolId) {
		return buses.buses(scope, schoolId);
	}

	@PostMapping
	@Operation(summary = "登记校车", description = "同一车牌再次登记即更新标牌和检验有效期；车牌已登记在其他学校的返回 400")
	ResponseEntity<Bus> saveBus(@RequestBody BusForm body, CurrentUser user, DataScope scope) {
		Bus b = buses.saveBus(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/school-buses?schoolId=" + b.schoolId())).body(b);
	}

	@GetMapping("/drivers")
	@Operation(summary = "校车驾驶人", description = "可按 schoolId 筛选")
	List<Driver> drivers(DataScope scope, @RequestParam(required = false) Long schoolId) {
		return buses.drivers(scope, schoolId);
	}

	@PostMapping("/drivers")
	@Operation(summary = "登记校车驾驶人", description = "licenceClass: A1/A2/A3/B1/B2/C1；同校同名再次登记即更新")
	ResponseEntity<Driver> saveDriver(@RequestBody DriverForm body, CurrentUser user, DataScope scope) {
		return ResponseEntity.status(201).body(buses.saveDriver(user, scope, body));
	}

	@GetMapping("/routes")
	@Operation(summary = "审批线路", description = "可按 schoolId 筛选")
	List<Route> routes(DataScope scope, @RequestParam(required = false) Long schoolId) {
		return buses.routes(scope, schoolId);
	}

	@PostMapping("/routes")
	@Operation(summary = "登记审批线路", description = "plate 可选，须为本校已登记的校车")
	ResponseEntity<Route> saveRoute(@RequestBody RouteForm body, CurrentUser user, DataScope scope) {
		return ResponseEntity.status(201).body(buses.saveRoute(user, scope, body));
	}

	record ExpiriesResource(LocalDate on, int warnDays, long valid, long expiring, long expired,
			List<ExpiryItem> items) {
	}

	@GetMapping("/expiries")
	@Operation(summary = "证照到期情况",
			description = "年检、校车标牌、驾驶证、驾驶人培训的有效期及状态（VALID/EXPIRING/EXPIRED）；on 为统计日（默认今天，平台时间）；status 筛选；计数为筛选前")
	ExpiriesResource expiries(DataScope scope, @RequestParam(required = false) ExpiryStatus status,
			@RequestParam(required = false) Long schoolId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		LocalDate day = on != null ? on : buses.today();
		if (day.isBefore(buses.today().minusYears(5)) || day.isAfter(buses.today().plusYears(5))) {
			throw new InvalidInputException("on", "统计日须在今天前后五年之内");
		}
		List<ExpiryItem> all = buses.expiries(scope, schoolId, day);
		return new ExpiriesResource(day, buses.warnDays(),
				all.stream().filter(i -> i.status() == ExpiryStatus.VALID).count(),
				all.stream().filter(i -> i.status() == ExpiryStatus.EXPIRING).count(),
				all.stream().filter(i -> i.status() == ExpiryStatus.EXPIRED).count(),
				all.stream().filter(i -> status == null || i.status() == status).toList());
	}

	@GetMapping("/annex")
	@Operation(summary = "附件1：校车等安全隐患情况", description = "有校车或驾驶人的学校逐校一行（其余学校填“/”）")
	List<BusAnnex> annex(DataScope scope) {
		return buses.annex(scope);
	}

}
