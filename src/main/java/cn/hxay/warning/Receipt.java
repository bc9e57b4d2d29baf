package cn.hxay.warning;

import java.time.Instant;

import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.InvalidInputException;

/**
 * One school's copy of a warning: its read receipt (已读回执, who and when) and its reply
 * with the measures taken (处置回复). The moves are guarded here: a reply needs a text and is
 * given once; reading twice changes nothing.
 */
public record Receipt(long id, long warningId, long schoolId, long schoolUnitId, String schoolName, String regionCode,
		Instant readAt, String readBy, String readByName, String reply, Instant repliedAt, String repliedBy,
		String repliedByName, Instant remindedAt, Instant escalatedAt) {

	static final int REPLY_MAX = 2000;

	public boolean read() {
		return readAt != null;
	}

	public boolean replied() {
		return reply != null;
	}

	/** Whether the read receipt is to be written now (not yet read). */
	boolean needsReading() {
		return readAt == null;
	}

	/** Refuses a reply that is empty, too long or a second one; returns it trimmed. */
	String acceptReply(String text) {
		if (replied()) {
			throw new ConcurrentEditException("本校已回复过此预警");
		}
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("reply", "请填写已采取的处置措施");
		}
		String trimmed = text.strip();
		if (trimmed.length() > REPLY_MAX) {
			throw new InvalidInputException("reply", "处置回复不能超过 " + REPLY_MAX + " 字");
		}
		return trimmed;
	}

}
