package cn.hxay.emergency;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An accident report with its handling, insurance claim and mediation. */
public record Accident(long id, long schoolId, String schoolName, String regionCode, LocalDate occurredOn,
		AccidentKind kind, String description, int injured, String handling, Insurance insurance, String claimNumber,
		BigDecimal claimAmount, String mediation, String recordedBy) {
}
