package cn.hxay.emergency;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One follow-up (续报) of an accident report, as recorded: what it reports, the text, for
 * an insurance follow-up the claim as it then stood, who recorded it and when.
 */
public record AccidentFollowUp(long id, long accidentId, FollowUpKind kind, String body, Insurance insurance,
		String claimNumber, BigDecimal claimAmount, String recordedBy, Instant recordedAt) {
}
