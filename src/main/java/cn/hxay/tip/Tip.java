package cn.hxay.tip;

import java.time.Instant;
import java.time.LocalDate;

import cn.hxay.shared.InvalidInputException;

/**
 * One tip (求助) as its handlers see it. Its moves are guarded here: a closed tip takes no
 * more replies from the reporter and is not closed twice; closing needs a conclusion.
 *
 * @param policeReferredAt when it went to the police (at once for danger and abuse, or
 * later by a handler), or null
 * @param investigationDue the day the 欺凌治理委员会's investigation is due (bullying), or null
 */
public record Tip(long id, long schoolId, String schoolName, TipCategory category, Reporter reporter, String body,
		String place, String contactName, String contactPhone, Instant filedAt, Instant policeReferredAt,
		String policeReason, LocalDate investigationDue, Instant closedAt, String conclusion, String closedByName) {

	static final int TEXT_MAX = 2000;

	public boolean closed() {
		return closedAt != null;
	}

	public boolean referred() {
		return policeReferredAt != null;
	}

	public boolean anonymous() {
		return contactName == null && contactPhone == null;
	}

	/** Whether the investigation is past its due day and the case still open. */
	public boolean overdue(LocalDate today) {
		return !closed() && investigationDue != null && investigationDue.isBefore(today);
	}

	/** The short state the reporter and the lists show. */
	public String stateLabel() {
		if (closed()) {
			return "已办结";
		}
		return referred() ? "已转公安机关" : category == TipCategory.BULLYING ? "欺凌治理委员会调查中" : "学校处理中";
	}

	/** Refuses closing twice or without a conclusion; returns it trimmed. */
	String acceptConclusion(String text) {
		if (closed()) {
			throw new cn.hxay.shared.ConcurrentEditException("此求助已办结");
		}
		return text("conclusion", text, "请填写办理结果（会告知求助人）");
	}

	/** Refuses an empty or over-long text; returns it trimmed. */
	static String text(String field, String text, String missing) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, missing);
		}
		String trimmed = text.strip();
		if (trimmed.length() > TEXT_MAX) {
			throw new InvalidInputException(field, "不能超过 " + TEXT_MAX + " 字");
		}
		return trimmed;
	}

}
