package cn.hxay.hotspot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.hxay.shared.ConcurrentEditException;

/**
 * A public-order hotspot. {@code longitude}/{@code latitude} are WGS-84; the input fields
 * keep what was typed and in which system. Once fixed (是否整改：是) it takes no more steps.
 */
public record Hotspot(long id, String name, String address, BigDecimal longitude, BigDecimal latitude,
		String inputSystem, BigDecimal inputLongitude, BigDecimal inputLatitude, String problem, long stationId,
		Long townshipId, boolean fixed, LocalDate fixedOn, String fixedBy, String registeredBy, Instant registeredAt,
		int version) {

	public String statusLabel() {
		return fixed ? "已整改" : "整改中";
	}

	void checkOpen() {
		if (fixed) {
			throw new ConcurrentEditException("该治安乱点（已整改）");
		}
	}

	/** A school within the nearby radius, with its distance. */
	public record NearbySchool(long schoolId, String schoolName, int distanceMetres) {
	}

	/** One rectification step; {@code fixed} marks the one that finished it. */
	public record Step(String text, boolean fixed, Instant at, String byName, String byUnit) {
	}

}
