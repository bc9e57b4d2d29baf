package cn.hxay.emergency;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Emergency plans and accident reports over HTTP; dates {@code yyyy-MM-dd}. */
@RestController
@Tag(name = "应急预案与事故", description = "学校应急预案（按类型、版本、下次评审日期，评审逾期标红）；事故报告及处置、学生人身伤害事故责任保险理赔、调解情况")
class EmergencyApiController {

	private final EmergencyPlans plans;

	EmergencyApiController(EmergencyPlans plans) {
		this.plans = plans;
	}

	@GetMapping("/api/v1/emergency-plans")
	@Operation(summary = "应急预案",
			description = "每校每类型的现行版本（allVersions=true 含历史版本）；on 为统计日（默认今天，平台时间）；status: CURRENT/DUE/OVERDUE")
	List<Plan> plans(DataScope scope, @RequestParam(required = false) Long schoolId,
			@RequestParam(required = false) ReviewStatus status, @RequestParam(required = false) Boolean allVersions,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		LocalDate day = on != null ? on : plans.today();
		if (day.isBefore(plans.today().minusYears(5)) || day.isAfter(plans.today().plusYears(5))) {
			throw new InvalidInputException("on", "统计日须在今天前后五年之内");
		}
		return plans.plans(scope, schoolId, Boolean.TRUE.equals(allVersions), day)
			.stream()
			.filter(p -> status == null || p.status() == status)
			.toList();
	}

	@PostMapping("/api/v1/emergency-plans")
	@Operation(summary = "登记应急预案", description = "同校同类型每登记一次为新的一版；type 见 PlanType")
	ResponseEntity<Plan> file(@RequestBody PlanForm body, CurrentUser user, DataScope scope) {
		return ResponseEntity.status(201).body(plans.file(user, scope, body));
	}

	@GetMapping("/api/v1/accidents")
	@Operation(summary = "事故报告", description = "最新 500 条；可按 schoolId 筛选")
	List<Accident> accidents(DataScope scope, @RequestParam(required = false) Long schoolId) {
		return plans.accidents(scope, schoolId);
	}

	/** An accident with its follow-ups (续报), oldest first. */
	record AccidentTimeline(Accident accident, List<AccidentFollowUp> followUps) {
	}

	@GetMapping("/api/v1/accidents/{id}")
	@Operation(summary = "事故报告及续报", description = "事故报告（理赔、调解为当前状态）和按时间先后的续报")
	AccidentTimeline accident(DataScope scope, @PathVariable long id) {
		return new AccidentTimeline(plans.accident(scope, id), plans.followUps(scope, id));
	}

	@PostMapping("/api/v1/accidents/{id}/follow-ups")
	@Operation(summary = "事故续报",
			description = "kind: HANDLING 处置进展 / INSURANCE 保险理赔（须填 insurance；已报案须有报案号，已赔付须有金额）/ MEDIATION 调解结果；记录续报人和时间")
	ResponseEntity<AccidentFollowUp> followUp(@PathVariable long id, @RequestBody FollowUpForm body, CurrentUser user,
			DataScope scope) {
		return ResponseEntity.status(201).body(plans.followUp(user, scope, id, body));
	}

	@PostMapping("/api/v1/accidents")
	@Operation(summary = "登记事故报告",
			description = "含处置情况、保险理赔（insurance: NONE/FILED/PAID/REFUSED，已报案须填 claimNumber）和调解情况")
	ResponseEntity<Accident> report(@RequestBody AccidentForm body, CurrentUser user, DataScope scope) {
		return ResponseEntity.status(201).body(plans.report(user, scope, body));
	}

}
