package cn.hxay.dispute;

import java.time.Instant;
import java.time.LocalDate;

import cn.hxay.shared.ConcurrentEditException;

/**
 * One dispute or unstable factor on the register. The moves are guarded here: escalating
 * happens once and only while open; resolving happens once.
 */
public record Dispute(long id, DisputeKind kind, long schoolId, String schoolName, String regionCode, String title,
		String description, String parties, String responsibleUnit, String responsibleOfficer, LocalDate deadline,
		DisputeStatus status, Instant escalatedAt, String escalationReason, String resolution, Instant resolvedAt,
		String resolvedBy, Instant registeredAt, String registeredBy, String registeredUnit, int version) {

	public boolean escalated() {
		return escalatedAt != null;
	}

	/** Open and past its deadline on {@code today}. */
	public boolean overdue(LocalDate today) {
		return status == DisputeStatus.OPEN && deadline.isBefore(today);
	}

	/** Refuses escalating a resolved or already escalated dispute. */
	void checkEscalate() {
		if (status == DisputeStatus.RESOLVED) {
			throw new ConcurrentEditException("该纠纷已化解，无需升级");
		}
		if (escalated()) {
			throw new ConcurrentEditException("该纠纷已上报升级");
		}
	}

	/** Refuses resolving twice. */
	void checkResolve() {
		if (status == DisputeStatus.RESOLVED) {
			throw new ConcurrentEditException("该纠纷已化解");
		}
	}

}
