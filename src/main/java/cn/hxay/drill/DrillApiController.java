package cn.hxay.drill;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import cn.hxay.hazard.Hazard;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.SchoolFilter;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
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
 * Drills, safety education and group activities over HTTP. Dates are platform days
 * (Asia/Shanghai), {@code yyyy-MM-dd}.
 */
@RestController
@RequestMapping("/api/v1/drills")
@Tag(name = "应急演练与安全教育",
		description = "学校应急演练（消防、疏散、防不法侵害、防震）的记录与安排、各校按类型的状态（已完成/已安排/即将到期/逾期）、安全教育与法治辅导员讲座、师生团体活动，以及附件1相关栏目的统计")
class DrillApiController {

	private final Drills drills;

	DrillApiController(Drills drills) {
		this.drills = drills;
	}

	record DrillResource(long id, long schoolId, String schoolName, String regionCode, DrillType type, String typeLabel,
			boolean held, LocalDate plannedOn, LocalDate heldOn, Integer participants, Integer durationMinutes,
			String scenario, String lessons, Long hazardId, String recordedBy) {

		static DrillResource of(Drill d) {
			return new DrillResource(d.id(), d.schoolId(), d.schoolName(), d.regionCode(), d.type(), d.type().label(),
					d.held(), d.plannedOn(), d.heldOn(), d.participants(), d.durationMinutes(), d.scenario(),
					d.lessons(), d.hazardId(), d.recordedBy());
		}

	}

	record TypeResource(DrillType type, String typeLabel, DrillStatus status, String statusLabel, int intervalDays,
			LocalDate lastHeld, LocalDate dueOn, LocalDate nextPlanned) {
	}

	record SchoolResource(long schoolId, String schoolName, String regionCode, String kind, DrillStatus status,
			String statusLabel, List<TypeResource> types) {
	}

	record StatusResource(LocalDate on, int schools, long done, long scheduled, long due, long overdue,
			List<SchoolResource> items) {
	}

	record HazardResource(long hazardId, String noticeNumber) {
	}

	@GetMapping
	@Operation(summary = "演练记录", description = "最新 200 条（已完成和已安排）；可按 schoolId、type 筛选；只含管辖范围内的学校")
	List<DrillResource> list(DataScope scope, @RequestParam(required = false) Long schoolId,
			@RequestParam(required = false) DrillType type) {
		return drills.list(scope, schoolId, type).stream().map(DrillResource::of).toList();
	}

	@GetMapping("/{id:\\d+}")
	@Operation(summary = "查看一次演练", description = "管辖范围以外返回 404")
	DrillResource get(@PathVariable long id, DataScope scope) {
		return DrillResource.of(drills.get(scope, id));
	}

	@PostMapping
	@Operation(summary = "记录或安排演练",
			description = "day 不晚于今天为已完成（须填 participants、durationMinutes），晚于今天为已安排；type: FIRE/EVACUATION/ANTI_INTRUSION/EARTHQUAKE；学校安全负责人和教育行政部门可登记")
	ResponseEntity<DrillResource> create(@RequestBody DrillForm body, CurrentUser user, DataScope scope) {
		Drill d = drills.record(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/drills/" + d.id())).body(DrillResource.of(d));
	}

	@PostMapping("/{id:\\d+}/hold")
	@Operation(summary = "将已安排的演练记录为已完成",
			description = "day（不晚于今天）、participants、durationMinutes 必填；schoolId、type 以原记录为准")
	DrillResource hold(@PathVariable long id, @RequestBody DrillForm body, CurrentUser user, DataScope scope) {
		if (!drills.mayRecord(user)) {
			throw new ForbiddenException("只有学校安全负责人和教育行政部门可以登记演练");
		}
		Drill d = drills.get(scope, id);
		if (body == null) {
			throw new InvalidInputException("day", "请填写演练日期、参演人数和用时");
		}
		return DrillResource.of(drills.hold(user, scope, id, new DrillForm(d.schoolId(), d.type(), body.day(),
				body.participants(), body.durationMinutes(), body.scenario(), body.lessons())));
	}

	@PostMapping("/{id:\\d+}/hazard")
	@Operation(summary = "将演练发现的问题登记为隐患", description = "经隐患台账登记（字段同 POST /api/v1/hazards，schoolId 取演练的学校）；每次演练一次")
	ResponseEntity<HazardResource> hazard(@PathVariable long id, @RequestBody HazardLedger.NewHazard body,
			CurrentUser user, DataScope scope) {
		Hazard h = drills.raiseHazard(user, scope, id, body);
		return ResponseEntity.created(URI.create("/api/v1/hazards/" + h.id()))
			.body(new HazardResource(h.id(), h.noticeNumber()));
	}

	@GetMapping("/status")
	@Operation(summary = "各校演练状态",
			description = "按学校、按演练类型的状态；on 为统计日（默认今天，平台时间），status 按总体状态（或与 type 合用按该类型）筛选；region 为县区代码；计数为筛选前全部学校")
	StatusResource status(DataScope scope, @RequestParam(required = false) DrillStatus status,
			@RequestParam(required = false) DrillType type, @RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		if (region != null && !region.isBlank() && !region.matches("\\d{2,6}")) {
			throw new InvalidInputException("region", "地区代码应为 2–6 位数字");
		}
		LocalDate day = on != null ? on : drills.today();
		if (day.isBefore(drills.today().minusYears(5)) || day.isAfter(drills.today().plusYears(5))) {
			throw new InvalidInputException("on", "统计日须在今天前后五年之内");
		}
		List<SchoolDrills> board = drills.board(scope, new SchoolFilter(null, region, null, null, null, null), day);
		var counts = Drills.countByStatus(board);
		List<SchoolResource> items = board.stream()
			.filter(s -> s.matches(status, type))
			.map(s -> new SchoolResource(s.schoolId(), s.schoolName(), s.regionCode(),
					s.kind() == null ? null : s.kind().name(), s.overall(), s.overall().label(),
					s.types()
						.stream()
						.map(t -> new TypeResource(t.type(), t.type().label(), t.status(), t.status().label(),
								t.intervalDays(), t.lastHeld(), t.dueOn(), t.nextPlanned()))
						.toList()))
			.toList();
		return new StatusResource(day, board.size(), counts.get(DrillStatus.DONE), counts.get(DrillStatus.SCHEDULED),
				counts.get(DrillStatus.DUE), counts.get(DrillStatus.OVERDUE), items);
	}

	@GetMapping("/sessions")
	@Operation(summary = "安全教育与法治辅导员讲座", description = "最新 200 条；可按 schoolId 筛选")
	List<SafetySession> sessions(DataScope scope, @RequestParam(required = false) Long schoolId) {
		return drills.sessions(scope, schoolId);
	}

	@PostMapping("/sessions")
	@Operation(summary = "记录安全教育或法治辅导员讲座", description = "kind: EDUCATION/LEGAL_LECTURE；heldOn 不晚于今天")
	ResponseEntity<SafetySession> recordSession(@RequestBody SessionForm body, CurrentUser user, DataScope scope) {
		return ResponseEntity.status(201).body(drills.recordSession(user, scope, body));
	}

	@GetMapping("/activities")
	@Operation(summary = "师生团体活动", description = "最新 200 条；可按 schoolId 筛选")
	List<GroupActivity> activities(DataScope scope, @RequestParam(required = false) Long schoolId) {
		return drills.activities(scope, schoolId);
	}

	@PostMapping("/activities")
	@Operation(summary = "记录师生团体活动", description = "people 为参加人数；leaderResponsible 为是否由校级领导直接负责（是则须填 leaderName）")
	ResponseEntity<GroupActivity> recordActivity(@RequestBody ActivityForm body, CurrentUser user, DataScope scope) {
		return ResponseEntity.status(201).body(drills.recordActivity(user, scope, body));
	}

	record AnnexResource(LocalDate from, LocalDate to, List<AnnexFigures> schools, List<AnnexFigures> counties) {
	}

	@GetMapping("/annex")
	@Operation(summary = "附件1：假期安全教育与团体活动",
			description = "from..to（含两端，如寒暑假）内按学校统计：安全教育次数、法治讲座次数、受教育人次、团体活动次数、总人数、是否均由校级领导直接负责；另按县区合计")
	AnnexResource annex(DataScope scope, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		List<AnnexFigures> rows = drills.annexFigures(scope, from, to);
		return new AnnexResource(from, to, rows, Drills.byCounty(rows));
	}

}
