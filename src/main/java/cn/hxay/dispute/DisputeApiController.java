package cn.hxay.dispute;

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

/** The dispute register over HTTP; dates {@code yyyy-MM-dd}, times Beijing time. */
@RestController
@RequestMapping("/api/v1/disputes")
@Tag(name = "矛盾纠纷", description = "涉校矛盾纠纷和不稳定因素排查化解台账：登记、责任单位和责任人、化解期限、上报升级、化解结果、逾期；按学校和县区计数（附件1/附件2“涉校不稳定因素情况”）")
class DisputeApiController {

	private final Disputes disputes;

	DisputeApiController(Disputes disputes) {
		this.disputes = disputes;
	}

	record DisputeResource(long id, DisputeKind kind, String kindLabel, long schoolId, String schoolName,
			String regionCode, String title, String description, String parties, String responsibleUnit,
			String responsibleOfficer, LocalDate deadline, DisputeStatus status, String statusLabel, boolean overdue,
			String escalatedAt, String escalationReason, String resolution, String resolvedAt, String registeredAt,
			String registeredUnit) {
	}

	@GetMapping
	@Operation(summary = "矛盾纠纷列表",
			description = "按类别 (kind)、状态 (status: OPEN/RESOLVED)、县区代码 (region)、学校 (school)、逾期 (overdue=true)、已升级 (escalated=true) 和文字筛选；分页")
	Paged<DisputeResource> list(CurrentUser user, DataScope scope, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String status, @RequestParam(required = false) String region,
			@RequestParam(required = false) String overdue, @RequestParam(required = false) String escalated,
			@RequestParam(required = false) String school, @RequestParam(required = false) String text,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		LocalDate today = disputes.today();
		return disputes
			.search(user, scope, new DisputeQuery(kind, status, region, overdue, escalated, school, text).filter(),
					PageRequest.of(page, size))
			.map(d -> resource(d, today));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看矛盾纠纷", description = "管辖范围以外返回 404")
	DisputeResource get(@PathVariable long id, CurrentUser user, DataScope scope) {
		return resource(disputes.get(user, scope, id), disputes.today());
	}

	@PostMapping
	@Operation(summary = "登记矛盾纠纷",
			description = "schoolId、kind、title、description、parties、responsibleUnit、responsibleOfficer、deadline（今天到一年内）")
	ResponseEntity<DisputeResource> register(@RequestBody NewDispute body, CurrentUser user, DataScope scope) {
		Dispute d = disputes.register(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/disputes/" + d.id())).body(resource(d, disputes.today()));
	}

	@PostMapping("/{id}/escalate")
	@Operation(summary = "上报升级", description = "text 为升级理由；只能升级一次，已化解的返回 409")
	DisputeResource escalate(@PathVariable long id, @RequestBody DisputeStep body, CurrentUser user, DataScope scope) {
		return resource(disputes.escalate(user, scope, id, body), disputes.today());
	}

	@PostMapping("/{id}/resolve")
	@Operation(summary = "登记化解结果", description = "text 为化解结果；已化解的返回 409")
	DisputeResource resolve(@PathVariable long id, @RequestBody DisputeStep body, CurrentUser user, DataScope scope) {
		return resource(disputes.resolve(user, scope, id, body), disputes.today());
	}

	@GetMapping("/counts")
	@Operation(summary = "按县区计数", description = "总数、未化解、已升级、逾期；与列表筛选 region=… 一致")
	List<DisputeCount> counts(CurrentUser user, DataScope scope) {
		disputes.count(user, scope, DisputeFilter.none());
		return disputes.countsByCounty(scope);
	}

	private static DisputeResource resource(Dispute d, LocalDate today) {
		return new DisputeResource(d.id(), d.kind(), d.kind().label(), d.schoolId(), d.schoolName(), d.regionCode(),
				d.title(), d.description(), d.parties(), d.responsibleUnit(), d.responsibleOfficer(), d.deadline(),
				d.status(), d.status().label(), d.overdue(today), time(d.escalatedAt()), d.escalationReason(),
				d.resolution(), time(d.resolvedAt()), time(d.registeredAt()), d.registeredUnit());
	}

	private static String time(Instant at) {
		return at == null ? null : PlatformTime.MINUTE.format(at);
	}

}
