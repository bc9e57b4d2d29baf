package cn.hxay.surroundings;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A venue near schools. {@code longitude}/{@code latitude} are WGS-84; the input fields
 * keep what was typed and in which system ({@code WGS84} or {@code GCJ02}).
 */
public record Venue(long id, VenueType type, String name, String address, BigDecimal longitude, BigDecimal latitude,
		String inputSystem, BigDecimal inputLongitude, BigDecimal inputLatitude, long stationId, Long townshipId,
		boolean operating, int version, OffsetDateTime updatedAt) {

	public String typeLabel() {
		return type.label();
	}

}
