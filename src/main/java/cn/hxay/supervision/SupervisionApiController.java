package cn.hxay.supervision;

import java.net.URI;
import java.util.List;

import cn.hxay.hazard.Hazard;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
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
 * Supervision over HTTP, on the same rules as the pages: the reader's scope, writes only
 * by the units that supervise (groups by their own unit), never by the read-only 督导员.
 */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "督导问责", description = "领导小组与工作专班、督导检查与明察暗访（发现问题转为隐患）、通报（批评/表扬，红头文件，主送单位签收）、约谈/问责/一票否决/挂牌督办记录")
class SupervisionApiController {

	private final Supervision supervision;

	SupervisionApiController(Supervision supervision) {
		this.supervision = supervision;
	}

	/** A hazard raised from a finding: its id and notice number on the ledger. */
	record RaisedHazard(long hazardId, String noticeNumber, long findingId) {
	}

	@GetMapping("/groups")
	@Operation(summary = "领导小组、工作专班列表", description = "管辖范围内各单位的在任成员；联系电话脱敏")
	List<GroupView> groups(DataScope scope) {
		return supervision.groups(scope);
	}

	@PostMapping("/groups")
	@Operation(summary = "设立领导小组或工作专班", description = "kind: LEADERSHIP_GROUP/WORKING_TEAM；属于调用者的单位")
	ResponseEntity<LeadershipGroup> createGroup(@RequestBody Commands.NewGroup body, CurrentUser user) {
		LeadershipGroup g = supervision.createGroup(user, body);
		return ResponseEntity.created(URI.create("/api/v1/supervision/groups/" + g.id())).body(g);
	}

	@GetMapping("/groups/{id}")
	@Operation(summary = "查看一个领导小组或工作专班", description = "在任和已调整的成员（完整联系电话）及调整记录；管辖范围以外返回 404")
	GroupView group(@PathVariable long id, DataScope scope) {
		return supervision.group(scope, id);
	}

	@PostMapping("/groups/{id}/members")
	@Operation(summary = "增加成员", description = "role: LEADER/DEPUTY/MEMBER/LIAISON（组长/副组长/成员/联络员）；仅本单位")
	GroupView addMember(@PathVariable long id, @RequestBody Commands.NewMember body, CurrentUser user,
			DataScope scope) {
		return supervision.addMember(user, scope, id, body);
	}

	@GetMapping("/visits")
	@Operation(summary = "督导检查记录", description = "kind: SUPERVISION/UNANNOUNCED（明察暗访）；region 为县区代码；year 按督导日期；学校只看到本校")
	Paged<Visit> visits(@RequestParam(required = false) VisitKind kind, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, DataScope scope) {
		return supervision.visits(scope, kind, region, year, PageRequest.of(page, size));
	}

	@PostMapping("/visits")
	@Operation(summary = "登记督导检查", description = "对管辖范围内的学校；schoolIds 1–50 所；督导日期不晚于今天")
	ResponseEntity<Visit> recordVisit(@RequestBody Commands.NewVisit body, CurrentUser user, DataScope scope) {
		Visit v = supervision.recordVisit(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/supervision/visits/" + v.id())).body(v);
	}

	@GetMapping("/visits/{id}")
	@Operation(summary = "查看一次督导检查", description = "被督导学校、发现的问题及其转成的隐患；管辖范围以外返回 404")
	Visit visit(@PathVariable long id, DataScope scope) {
		return supervision.visit(scope, id);
	}

	@PostMapping("/visits/{id}/findings")
	@Operation(summary = "登记发现的问题", description = "schoolId 须为本次督导的学校；仅督导单位")
	ResponseEntity<Visit.Finding> addFinding(@PathVariable long id, @RequestBody Commands.NewFinding body,
			CurrentUser user, DataScope scope) {
		Visit.Finding f = supervision.addFinding(user, scope, id, body);
		return ResponseEntity.created(URI.create("/api/v1/supervision/visits/" + id)).body(f);
	}

	@PostMapping("/visits/{id}/hazards")
	@Operation(summary = "把发现的问题登记为隐患", description = "findingId 为发现的编号；请求体同登记隐患（schoolId 取自发现）；隐患进入隐患台账，发现记下隐患编号")
	ResponseEntity<RaisedHazard> raiseHazard(@PathVariable long id, @RequestParam(required = false) Long findingId,
			@RequestBody HazardLedger.NewHazard body, CurrentUser user, DataScope scope) {
		if (findingId == null) {
			supervision.visit(scope, id);
			throw new InvalidInputException("findingId", "请给出要登记为隐患的发现编号");
		}
		Hazard h = supervision.raiseHazard(user, scope, id, findingId, body);
		return ResponseEntity.created(URI.create("/api/v1/hazards/" + h.id()))
			.body(new RaisedHazard(h.id(), h.noticeNumber(), findingId));
	}

	@GetMapping("/notices")
	@Operation(summary = "通报列表", description = "本单位及下级印发的、发给管辖范围内单位的通报；pending=true 只列发给本单位且未签收的")
	Paged<Notice> notices(@RequestParam(required = false) Boolean pending, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, CurrentUser user, DataScope scope) {
		PageRequest request = PageRequest.of(page, size);
		return Boolean.TRUE.equals(pending) ? supervision.waitingForMyReceipt(user, scope, request)
				: supervision.notices(scope, request);
	}

	@PostMapping("/notices")
	@Operation(summary = "印发通报",
			description = "kind: CRITICISM/COMMENDATION；recipientIds 为管辖范围内的主送单位；文号按印发单位和年度连续编号（如 常教安〔2026〕12号）")
	ResponseEntity<Notice> issueNotice(@RequestBody Commands.NewNotice body, CurrentUser user, DataScope scope) {
		Notice n = supervision.issueNotice(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/supervision/notices/" + n.id())).body(n);
	}

	@GetMapping("/notices/{id}")
	@Operation(summary = "查看一份通报及签收情况", description = "印发方看到全部主送单位的签收；主送单位看到本单位的；管辖范围以外返回 404")
	Notice notice(@PathVariable long id, DataScope scope) {
		return supervision.notice(scope, id);
	}

	@PostMapping("/notices/{id}/receipt")
	@Operation(summary = "签收通报", description = "仅主送单位；重复签收不改变首次记录")
	Notice confirm(@PathVariable long id, CurrentUser user, DataScope scope) {
		return supervision.confirm(user, scope, id);
	}

	@GetMapping("/accountability")
	@Operation(summary = "问责记录",
			description = "kind: INTERVIEW/ACCOUNTABILITY/VETO/LISTED_SUPERVISION（约谈/问责/一票否决/挂牌督办）；region 为县区代码；year 按决定日期；公安记录的仅公安可见；无权查看的案事件、隐患不显示关联")
	Paged<Accountability> accountability(@RequestParam(required = false) AccountabilityKind kind,
			@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			CurrentUser user, DataScope scope) {
		return supervision.accountability(user, scope, kind, region, year, PageRequest.of(page, size));
	}

	@PostMapping("/accountability")
	@Operation(summary = "记录约谈、问责、一票否决或挂牌督办",
			description = "targetUnitId 为管辖范围内的单位；incidentId 关联案事件，hazardId 关联逾期未改或挂牌督办的隐患")
	ResponseEntity<Accountability> recordAccountability(@RequestBody Commands.NewAccountability body, CurrentUser user,
			DataScope scope) {
		Accountability a = supervision.recordAccountability(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/supervision/accountability")).body(a);
	}

}
