package cn.hxay.emergency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An accident report with its handling, insurance claim and mediation as they now stand
 * (follow-ups update the claim and the mediation).
 */
public record Accident(long id, long schoolId, String schoolName, String regionCode, LocalDate occurredOn,
		AccidentKind kind, String description, int injured, String handling, Insurance insurance, String claimNumber,
		BigDecimal claimAmount, String mediation, String recordedBy, Instant recordedAt) {
}
