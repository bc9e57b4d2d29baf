package cn.hxay.warning;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PlatformTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Warnings over HTTP. Senders (education bureaus, police units) see every school's
 * receipt; a school sees only its own copy. Times are platform time (Asia/Shanghai),
 * {@code yyyy-MM-ddTHH:mm} on input.
 */
@RestController
@RequestMapping("/api/v1/warnings")
@Tag(name = "预警推送", description = "教育行政部门、公安机关向管辖范围内的学校推送预警（蓝/黄/橙/红，依《突发事件应对法》第四十二条）；学校签收、回复处置措施；逾期未读先催阅、后推送短信")
class WarningApiController {

	private final Warnings warnings;

	WarningApiController(Warnings warnings) {
		this.warnings = warnings;
	}

	record ReceiptResource(long schoolId, String schoolName, String regionCode, boolean read, String readAt,
			String readBy, boolean replied, String reply, String repliedAt, String repliedBy, boolean reminded,
			boolean escalated) {
	}

	record WarningResource(long id, WarningLevel level, String levelLabel, String title, String body,
			String acknowledgeBy, String sentAt, String senderUnit, String senderName, String regionCode,
			String schoolKind, int schools, int read, int replied, int unread, List<ReceiptResource> receipts) {
	}

	record ReplyRequest(String reply) {
	}

	@GetMapping
	@Operation(summary = "预警列表", description = "最新 200 条；计数只算调用者可见的学校（学校只看到本校）")
	List<WarningResource> list(DataScope scope) {
		return warnings.list(scope)
			.stream()
			.map(s -> resource(s.warning(), s.schools(), s.read(), s.replied(), s.unread(), null))
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看一条预警及回执", description = "发布方看到每所学校的已读回执和处置回复；学校只看到本校；管辖范围以外返回 404")
	WarningResource get(@PathVariable long id, DataScope scope) {
		return detail(warnings.view(scope, id));
	}

	@PostMapping
	@Operation(summary = "发布预警",
			description = "level: BLUE/YELLOW/ORANGE/RED；acknowledgeBy 为签收期限（如 2026-12-01T18:00，30 天内）；可按 regionCode（县区代码）和 schoolKind 缩小范围；每所学校一份")
	ResponseEntity<WarningResource> create(@RequestBody NewWarning body, CurrentUser user, DataScope scope) {
		Warning w = warnings.send(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/warnings/" + w.id()))
			.body(detail(warnings.view(scope, w.id())));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "签收（已读回执）", description = "仅收到预警的学校；记录签收人和时间；重复签收不改变首次记录")
	ReceiptResource read(@PathVariable long id, CurrentUser user, DataScope scope) {
		return receipt(warnings.markRead(user, scope, id));
	}

	@PostMapping("/{id}/reply")
	@Operation(summary = "回复处置措施", description = "仅收到预警的学校，每校一次（再次回复返回 409）；回复即视为已签收")
	ReceiptResource reply(@PathVariable long id, @RequestBody ReplyRequest body, CurrentUser user, DataScope scope) {
		return receipt(warnings.reply(user, scope, id, body == null ? null : body.reply()));
	}

	@GetMapping("/{id}/unread")
	@Operation(summary = "未读学校（分页）", description = "调用者管辖范围内尚未签收的学校，按县（区）和校名排序；total 等于未读数")
	cn.hxay.shared.Paged<ReceiptResource> unread(@PathVariable long id,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Integer page,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Integer size, DataScope scope) {
		cn.hxay.shared.Paged<Receipt> found = warnings.unread(scope, id, cn.hxay.shared.PageRequest.of(page, size));
		return new cn.hxay.shared.Paged<>(found.items().stream().map(WarningApiController::receipt).toList(),
				found.page(), found.size(), found.total());
	}

	@GetMapping("/{id}/attachments/{fileId}")
	@Operation(summary = "下载预警附件", description = "仅发布单位（及其上级）和收到预警的学校；其他可见此预警的用户返回 403")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId, CurrentUser user,
			DataScope scope) {
		Warnings.Download d = warnings.download(user, scope, id, fileId);
		return cn.hxay.shared.web.Downloads.of(d.bytes(), d.file().fileName(),
				org.springframework.http.MediaType.parseMediaType(d.file().contentType()));
	}

	private static WarningResource detail(WarningView v) {
		return resource(v.warning(), v.receipts().size(), v.readList().size(), v.repliedList().size(),
				v.unreadList().size(), v.receipts().stream().map(WarningApiController::receipt).toList());
	}

	private static WarningResource resource(Warning w, int schools, int read, int replied, int unread,
			List<ReceiptResource> receipts) {
		return new WarningResource(w.id(), w.level(), w.level().label(), w.title(), w.body(), time(w.acknowledgeBy()),
				time(w.sentAt()), w.senderUnit(), w.senderName(), w.regionCode(),
				w.schoolKind() == null ? null : w.schoolKind().name(), schools, read, replied, unread, receipts);
	}

	private static ReceiptResource receipt(Receipt r) {
		return new ReceiptResource(r.schoolId(), r.schoolName(), r.regionCode(), r.read(), time(r.readAt()),
				r.readByName(), r.replied(), r.reply(), time(r.repliedAt()), r.repliedByName(), r.remindedAt() != null,
				r.escalatedAt() != null);
	}

	private static String time(Instant at) {
		return at == null ? null : PlatformTime.MINUTE.format(at);
	}

}
