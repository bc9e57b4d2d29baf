package cn.hxay.unlicensed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.hxay.shared.ConcurrentEditException;

/**
 * One unlicensed institution on the ledger. The moves are guarded here: only a case
 * within its deadline period (限期办证) is licensed or banned; only a banned one is
 * re-checked, once.
 *
 * @param longitude WGS-84 (the input fields keep what was typed and in which system)
 * @param previousId the banned case this one reopened, if it is a reopening
 */
public record UnlicensedInstitution(long id, InstitutionKind kind, String name, String address, BigDecimal longitude,
		BigDecimal latitude, String inputSystem, BigDecimal inputLongitude, BigDecimal inputLatitude, String operator,
		int children, String foundBy, LocalDate foundOn, String regionCode, Long educationBureauId,
		long policeStationId, Long townshipId, String department, LocalDate deadline, InstitutionStatus status,
		String licenceNo, LocalDate closedOn, String closedBy, LocalDate recheckDue, LocalDate recheckedOn,
		Long previousId, String registeredBy, String registeredUnit, Instant registeredAt, int version) {

	/** Still waiting for approval and past its deadline on {@code today}. */
	public boolean overdue(LocalDate today) {
		return status == InstitutionStatus.PENDING && deadline.isBefore(today);
	}

	/** Banned, not re-checked yet, and the re-check is due on {@code today}. */
	public boolean recheckPending(LocalDate today) {
		return status == InstitutionStatus.BANNED && recheckDue != null && !recheckDue.isAfter(today);
	}

	public boolean mayClose() {
		return status == InstitutionStatus.PENDING;
	}

	public boolean mayRecheck() {
		return status == InstitutionStatus.BANNED && recheckDue != null;
	}

	void checkClose() {
		if (!mayClose()) {
			throw new ConcurrentEditException("该记录（现为" + status.label() + "）");
		}
	}

	void checkRecheck() {
		if (!mayRecheck()) {
			throw new ConcurrentEditException(
					"该记录（现为" + status.label() + (status == InstitutionStatus.BANNED ? "，已复查）" : "）"));
		}
	}

}
