package cn.hxay.visitor;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.shared.PlatformTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Visitors at the gate over HTTP. A school account sees and works its own gate; bureaus
 * and police get each school's figures; police get the gate alerts. ID numbers are never
 * returned, only masked.
 */
@RestController
@RequestMapping("/api/v1/visits")
@Tag(name = "访客登记",
		description = "门岗访客与车辆登记（种子000 §三(三)：外来人员登记、全程陪同）：预约、入校登记（身份证号脱敏、仅存密钥散列）、离校、在校访客；禁入名单与公安重点人员比对，命中只显示“请勿放行，请联系属地派出所”并即时通知属地派出所")
class VisitApiController {

	private final Visits visits;

	private final Clock clock;

	VisitApiController(Visits visits, Clock clock) {
		this.visits = visits;
		this.clock = clock;
	}

	record VisitResource(long id, long schoolId, String schoolName, String name, String idNumber, String purpose,
			String host, String plate, String escort, VisitStatus status, String statusLabel, String expectedOn,
			String checkedInAt, String checkedOutAt) {
	}

	record CheckInResource(boolean refused, String message, VisitResource visit) {
	}

	record DayResource(String day, Long schoolId, List<VisitResource> visits, List<SchoolDay> schools) {
	}

	record AlertResource(long id, long schoolId, String schoolName, String at, String visitorName, String idNumber,
			String purpose, String source, Long keyPersonAlertId) {
	}

	@GetMapping
	@Operation(summary = "某日来访",
			description = "学校账号：本校当日的预约、在校和已离校/未放行访客（在校的无论哪天入校都列出）；教育局和公安：管辖范围内每所学校的当日登记数、在校数、未放行数。day 默认今天")
	DayResource day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			CurrentUser user, DataScope scope) {
		LocalDate d = day == null ? PlatformTime.today(clock) : day;
		java.util.Optional<School> own = visits.ownSchool(user, scope);
		if (own.isPresent()) {
			return new DayResource(d.toString(), own.get().id(),
					visits.day(own.get(), d).stream().map(VisitApiController::resource).toList(), null);
		}
		return new DayResource(d.toString(), null, null, visits.figures(scope, d));
	}

	@PostMapping
	@Operation(summary = "入校登记",
			description = "仅学校账号。idNumber 为 18 位身份证号（只存脱敏号和密钥散列）；escort 为全程陪同人员；preRegistration 为预约编号。命中名单时 refused=true，message 只有“请勿放行，请联系属地派出所”")
	ResponseEntity<CheckInResource> checkIn(@RequestBody CheckIn body, CurrentUser user, DataScope scope) {
		CheckInResult r = visits.checkIn(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/visits/" + r.visit().id()))
			.body(new CheckInResource(r.refused(), r.message(), r.refused() ? null : resource(r.visit())));
	}

	@PostMapping("/pre-registrations")
	@Operation(summary = "预约来访", description = "仅学校账号（教师）；expectedOn 为今天起 30 天内")
	ResponseEntity<VisitResource> preRegister(@RequestBody PreRegistration body, CurrentUser user, DataScope scope) {
		Visit v = visits.preRegister(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/visits/" + v.id())).body(resource(v));
	}

	@GetMapping("/{id}")
	@Operation(summary = "一条来访记录", description = "管辖范围以外返回 404")
	VisitResource get(@PathVariable long id, DataScope scope) {
		return resource(visits.get(scope, id));
	}

	@PostMapping("/{id}/check-out")
	@Operation(summary = "离校登记", description = "仅本校账号；不在校内返回 409")
	VisitResource checkOut(@PathVariable long id, CurrentUser user, DataScope scope) {
		return resource(visits.checkOut(user, scope, id));
	}

	@GetMapping("/alerts")
	@Operation(summary = "门岗预警", description = "仅公安机关：管辖派出所的学校门岗未放行记录（命中名单类别和重点人员预警编号只对公安可见）")
	List<AlertResource> alerts(CurrentUser user, DataScope scope) {
		return visits.alerts(user, scope)
			.stream()
			.map(a -> new AlertResource(a.id(), a.schoolId(), a.schoolName(), time(a.at()), a.visitorName(),
					a.idMasked(), a.purpose(), a.sourceLabel(), a.keyPersonAlertId()))
			.toList();
	}

	private static VisitResource resource(Visit v) {
		return new VisitResource(v.id(), v.schoolId(), v.schoolName(), v.name(), v.idMasked(), v.purpose(), v.host(),
				v.plate(), v.escort(), v.status(), v.status().label(),
				v.expectedOn() == null ? null : v.expectedOn().toString(), time(v.checkedInAt()),
				time(v.checkedOutAt()));
	}

	private static String time(Instant at) {
		return at == null ? null : PlatformTime.MINUTE.format(at);
	}

}
