package cn.hxay.supervision;

import java.time.Instant;
import java.util.List;

/**
 * A 通报 with its 文号 and the units it was sent to, each with its receipt (签收) as far as the
 * reader may see.
 */
public record Notice(long id, NoticeKind kind, String number, String title, String body, long issuerUnitId,
		String issuerUnit, String issuerName, Instant issuedAt, Long visitId, List<Recipient> recipients) {

	/** A unit the notice went to and whether (and by whom) it confirmed receipt. */
	public record Recipient(long id, long noticeId, long unitId, String unitName, Instant confirmedAt,
			String confirmedBy) {

		public boolean confirmed() {
			return confirmedAt != null;
		}

	}

	public List<Recipient> notConfirmed() {
		return recipients.stream().filter(r -> !r.confirmed()).toList();
	}

	public long confirmed() {
		return recipients.stream().filter(Recipient::confirmed).count();
	}

}
