package cn.hxay.alarm;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;

import static cn.hxay.support.Texts.find;
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

}
