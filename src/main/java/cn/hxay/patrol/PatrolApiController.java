package cn.hxay.patrol;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.shared.PlatformTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patrols over HTTP: a school's rounds of a day against its plan, or each school's status
 * for bureaus and police; a guard's scan.
 */
@RestController
@RequestMapping("/api/v1/patrols")
@Tag(name = "巡更", description = "巡更点位二维码、保安手机扫码打卡、每日轮次对照计划（GB/T 29315-2022 人力防范要求：每日对重点部位和区域巡查不少于 5 次）、漏检点位与过快轮次标记")
class PatrolApiController {

	private final Patrols patrols;

	private final Clock clock;

	PatrolApiController(Patrols patrols, Clock clock) {
		this.patrols = patrols;
		this.clock = clock;
	}

	record RoundResource(long id, String guard, String startedAt, int pointsTotal, int pointsScanned, int missedPoints,
			boolean tooFast, Integer fastestSeconds, boolean open, boolean valid, String verdict) {
	}

	record DayResource(String day, Long schoolId, Integer required, Long validRounds, Long missingRounds,
			Boolean dayOver, List<RoundResource> rounds, List<SchoolPatrolStatus> schools) {
	}

	record ScanRequest(String token) {
	}

	@GetMapping
	@Operation(summary = "某日巡更",
			description = "学校账号：本校当日每一轮（漏检点位、过快标记）和达标情况；教育局和公安：管辖范围内每所已设巡更计划的学校当日有效轮次、要求轮次、异常轮次。day 默认今天")
	DayResource day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			CurrentUser user, DataScope scope) {
		LocalDate d = day == null ? PlatformTime.today(clock) : day;
		Optional<School> own = patrols.ownSchool(user, scope);
		if (own.isEmpty()) {
			return new DayResource(d.toString(), null, null, null, null, null, null, patrols.statuses(scope, d));
		}
		PatrolDay p = patrols.day(own.get(), d);
		Instant now = p.judgedAt();
		return new DayResource(d.toString(), own.get().id(), p.required(), p.validRounds(), p.missingRounds(), p.over(),
				p.rounds()
					.stream()
					.map(r -> new RoundResource(r.id(), r.guardName(), PlatformTime.MINUTE.format(r.startedAt()),
							r.pointsTotal(), r.pointsScanned(), r.missedPoints(now), r.tooFast(), r.fastestSeconds(),
							r.open(now), r.valid(), r.verdict(now)))
					.toList(),
				null);
	}

	@PostMapping("/scans")
	@Operation(summary = "扫码打卡", description = "仅本校账号；token 为点位二维码中的令牌；返回本轮进度；不属于本校的点位返回 404")
	RoundResource scan(@RequestBody ScanRequest body, CurrentUser user, DataScope scope) {
		ScanResult s = patrols.scan(user, scope, body == null ? null : body.token());
		PatrolRound r = s.round();
		Instant now = clock.instant();
		return new RoundResource(r.id(), r.guardName(), PlatformTime.MINUTE.format(r.startedAt()), r.pointsTotal(),
				r.pointsScanned(), r.missedPoints(now), r.tooFast(), r.fastestSeconds(), r.open(now), r.valid(),
				r.verdict(now));
	}

}
