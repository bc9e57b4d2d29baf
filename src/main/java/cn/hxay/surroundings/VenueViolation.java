package cn.hxay.surroundings;

import java.time.LocalDate;
import java.util.Set;

/**
 * A venue too close to a school, on the ledger: 发现 → 整改中 → 已销号. The moves are guarded
 * here; a closed violation never reopens — a re-check that still finds the venue too
 * close records a new one.
 */
public record VenueViolation(long id, long venueId, String venueName, VenueType venueType, long schoolId,
		String schoolName, String ruleCode, String ruleLabel, String citation, int limitMetres, int distanceMetres,
		ViolationStatus status, String department, LocalDate deadline, LocalDate foundOn, LocalDate closedOn,
		String closedBy, String note, LocalDate recheckedOn, int version) {

	public boolean overdue(LocalDate today) {
		return status != ViolationStatus.CLOSED && deadline != null && deadline.isBefore(today);
	}

	/** The states this violation may move to. */
	public Set<ViolationStatus> nextStates() {
		return switch (status) {
			case FOUND -> Set.of(ViolationStatus.RECTIFYING, ViolationStatus.CLOSED);
			case RECTIFYING -> Set.of(ViolationStatus.CLOSED);
			case CLOSED -> Set.of();
		};
	}

	public boolean mayMoveTo(ViolationStatus target) {
		return target != null && nextStates().contains(target);
	}

}
