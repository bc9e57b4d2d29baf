package cn.hxay.tip;

import java.time.Instant;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tips over HTTP for signed-in handlers (the public page has no API). Times are platform
 * time (Asia/Shanghai).
 */
@RestController
@RequestMapping("/api/v1/tips")
@Tag(name = "学生求助",
		description = "学生、家长通过学校求助页（免登录，可匿名）提交的求助：人身危险、违法犯罪及体罚虐待、性侵害即时转派出所；学生欺凌交学校学生欺凌治理委员会调查（默认 10 日内，教督〔2017〕10号）；公安用户只看到转公安的求助")
class TipApiController {

	private final Tips tips;

	private final java.time.Clock clock;

	TipApiController(Tips tips, java.time.Clock clock) {
		this.tips = tips;
		this.clock = clock;
	}

	record MessageResource(String kind, String side, String author, String body, String at) {
	}

	record TipResource(long id, long schoolId, String school, TipCategory category, String categoryLabel,
			String reporter, boolean anonymous, String contactName, String contactPhone, String body, String place,
			String filedAt, String state, boolean referredToPolice, String policeReferredAt, String policeReason,
			String investigationDue, boolean overdue, String closedAt, String conclusion,
			List<MessageResource> messages, Integer photos) {
	}

	record TextRequest(String text) {
	}

	@GetMapping
	@Operation(summary = "求助列表",
			description = "state: open（默认，未办结）/closed/all；overdue=true 为欺凌案件调查逾期；category: DANGER/ABUSE/BULLYING/OTHER")
	Paged<TipResource> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) boolean overdue, @RequestParam(required = false) TipCategory category,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			CurrentUser user, DataScope scope) {
		Paged<Tip> found = tips.search(user, scope, new Tips.Query(null, category, state, overdue),
				PageRequest.of(page, size));
		return new Paged<>(found.items().stream().map(t -> resource(t, null, null)).toList(), found.page(),
				found.size(), found.total());
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看一条求助", description = "含对话（回复、求助人补充、内部跟进记录）；管辖范围以外返回 404")
	TipResource get(@PathVariable long id, CurrentUser user, DataScope scope) {
		Tips.TipView v = tips.view(user, scope, id);
		return resource(v.tip(), v.messages(), v.attachments().size());
	}

	@PostMapping("/{id}/reply")
	@Operation(summary = "回复求助人", description = "求助人凭认领码在求助页看到回复（只显示回复方为学校、教育行政部门或公安机关，不显示姓名）")
	TipResource reply(@PathVariable long id, @RequestBody TextRequest body, CurrentUser user, DataScope scope) {
		tips.reply(user, scope, id, body == null ? null : body.text());
		return get(id, user, scope);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "办结", description = "text 为办理结果，求助人可见；已办结的再次办结返回 409")
	TipResource close(@PathVariable long id, @RequestBody TextRequest body, CurrentUser user, DataScope scope) {
		tips.close(user, scope, id, body == null ? null : body.text());
		return get(id, user, scope);
	}

	private TipResource resource(Tip t, List<TipMessage> messages, Integer photos) {
		return new TipResource(t.id(), t.schoolId(), t.schoolName(), t.category(), t.category().label(),
				t.reporter().label(), t.anonymous(), t.contactName(), t.contactPhone(), t.body(), t.place(),
				time(t.filedAt()), t.stateLabel(), t.referred(), time(t.policeReferredAt()), t.policeReason(),
				t.investigationDue() == null ? null : t.investigationDue().toString(),
				t.overdue(PlatformTime.today(clock)), time(t.closedAt()), t.conclusion(),
				messages == null ? null
						: messages.stream()
							.map(m -> new MessageResource(m.kind().name(), m.authorSide(), m.authorName(), m.body(),
									time(m.writtenAt())))
							.toList(),
				photos);
	}

	private static String time(Instant at) {
		return at == null ? null : PlatformTime.MINUTE.format(at);
	}

}
