package cn.hxay.dutypost;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An officer's check-in at a post and, later, the check-out, each with time and position
 * (coordinates from the phone's geolocation, or a typed description).
 */
public record CheckIn(long id, long postId, LocalDate day, String officerName, OfficerKind officerKind, String username,
		Instant checkedInAt, BigDecimal latitude, BigDecimal longitude, Integer accuracy, String place,
		boolean carPresent, Instant checkedOutAt, String outPlace) {

	/**
	 * Whether the officer stood at the post at that moment: checked in no longer than
	 * {@code window} before it and not yet checked out.
	 */
	public boolean presentAt(Instant moment, Duration window) {
		return !checkedInAt.isAfter(moment) && !checkedInAt.isBefore(moment.minus(window))
				&& (checkedOutAt == null || !checkedOutAt.isBefore(moment));
	}

	public boolean open() {
		return checkedOutAt == null;
	}

	/** Where the officer checked in, as shown. */
	public String position() {
		String at = latitude == null ? null : latitude.toPlainString() + ", " + longitude.toPlainString()
				+ (accuracy == null ? "" : "（±" + accuracy + " 米）");
		if (at != null && place != null) {
			return at + " · " + place;
		}
		return at != null ? at : place;
	}

}
