package cn.hxay.alarm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * 联网率 of one school, police station, county or city: online devices among those that must
 * be networked.
 *
 * @param key the school id, station id, county code or city code
 * @param devices all devices registered there
 * @param required devices that must be networked
 * @param online of those, the ones online now
 */
public record NetworkingRate(String key, String name, long devices, long required, long online) {

	/** Percent with one decimal, or {@code null} when nothing must be networked. */
	@JsonProperty("percent")
	public Double percent() {
		return required == 0 ? null : Math.round(online * 1000.0 / required) / 10.0;
	}

	@JsonProperty("offline")
	public long offline() {
		return required - online;
	}

}
