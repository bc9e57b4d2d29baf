package cn.hxay.alarm;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import tools.jackson.databind.JsonNode;

import static cn.hxay.support.Texts.find;
import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helpers: unique GB/T 28181 codes, a Tianning school, and a registered device with
 * its token, all made through the real pages.
 */
public final class TestDevices {

	public static final String PW = "Demo@2026";

	private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 500_000));

	private TestDevices() {
	}

	/**
	 * A fresh 20-digit code in 常州市天宁区 (industry code 01, unlike the demo devices) with
	 * the given type code (134, 131, 118…).
	 */
	public static String code(String type) {
		return "3204020001" + type + "0" + String.format("%06d", SERIAL.incrementAndGet() % 1_000_000);
	}

	/**
	 * Code and name of a school that the 青龙 police station covers (the school lead's).
	 */
	public static String[] qinglongSchool(int port) {
		Page page = new WebSession(port).api("GET", "/api/v1/schools", "school.lead", PW, null, Map.of());
		assertThat(page.status()).isEqualTo(200);
		return new String[] { find(page.body(), "\"code\":\"(\\d+)\""), find(page.body(), "\"id\":(\\d+)") };
	}

	/** A school in 天宁区 under another police station than 青龙. */
	public static String otherTianningSchool(int port, String qinglongStationId) {
		Page page = new WebSession(port).api("GET", "/api/v1/schools?region=320402&size=200", "tianning.edu", PW, null,
				Map.of());
		Matcher m = Pattern.compile("\"code\":\"(\\d+)\"[^}]*?\"policeStationId\":(\\d+)").matcher(page.body());
		while (m.find()) {
			if (!m.group(2).equals(qinglongStationId)) {
				return m.group(1);
			}
		}
		throw new AssertionError("no other school in " + page.body());
	}

	public record Registered(long id, String code, String token, String schoolCode) {
	}

	/** Registers a device through the form and reads its token off the page. */
	public static Registered register(WebSession session, String code, String schoolCode, String kind, String place) {
		session.get("/devices/new");
		Page page = session.postForm("/devices/new", Map.of("code", code, "schoolCode", schoolCode, "kind", kind,
				"place", place, "vendor", "海康威视", "model", "DS-K1", "mustBeNetworked", "true"));
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).as(page.body()).contains("设备接入令牌");
		String token = find(page.body(), "<code class=\"device-token\">([^<]+)</code>");
		long id = Long.parseLong(find(page.body(), "href=\"/devices/(\\d+)\""));
		return new Registered(id, code, token, schoolCode);
	}

	/** A venue made for a test: its id, the school it was placed beside, its station. */
	public record TestVenue(long id, long schoolId, String schoolCode, long stationId) {
	}

	/**
	 * A new shop 20 m north of a school of the region that has coordinates, made through
	 * the venue API as the given police user: 青龙派出所's schools for a 天宁区 user, any school
	 * of the region for the city police.
	 */
	public static TestVenue venue(int port, String user, String region, String name) {
		Page schools = new WebSession(port).api("GET", "/api/v1/schools?size=200&region=" + region, user, PW, null,
				Map.of());
		assertThat(schools.status()).as(schools.body()).isEqualTo(200);
		for (JsonNode s : json(schools.body()).get("items")) {
			if (s.get("latitude").isNull() || s.get("policeStationId").isNull()) {
				continue;
			}
			double lat = s.get("latitude").asDouble() + 20 / 111_195.0;
			String body = """
					{"type":"SHOP","name":"%s","address":"测试路 8 号","coordinateSystem":"WGS84","longitude":%s,
					 "latitude":%s,"stationId":%d}""".formatted(name, s.get("longitude").asString(), lat,
					s.get("policeStationId").asLong());
			Page created = new WebSession(port).api("POST", "/api/v1/venues", user, PW, body, Map.of());
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			return new TestVenue(json(created.body()).get("id").asLong(), s.get("id").asLong(),
					s.get("code").asString(), s.get("policeStationId").asLong());
		}
		throw new AssertionError("no school with coordinates in " + region);
	}

	/**
	 * Registers a one-key alarm at a venue through the API as the given police user; the
	 * token comes back once.
	 */
	public static Registered registerAtVenue(int port, String user, long venueId, String place) {
		String code = code("134");
		Page page = new WebSession(port).api("POST", "/api/v1/devices/venue", user, PW,
				"{\"code\":\"" + code + "\",\"venueId\":" + venueId + ",\"place\":\"" + place + "\"}", Map.of());
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		JsonNode d = json(page.body());
		return new Registered(d.get("id").asLong(), code, d.get("token").asString(), d.get("schoolCode").asString());
	}

}
