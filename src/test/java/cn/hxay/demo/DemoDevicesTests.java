package cn.hxay.demo;

import java.util.Map;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.alarm.TestDevices.PW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city comes with devices, heartbeats and a month of alarms, so the rates, the
 * console and the statistics have something to show.
 */
@PlatformTest
class DemoDevicesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoDevices demo;

	@Test
	void onlineDemoDevicesKeepBeatingAndOfflineOnesStaySilent() {
		String online = "select min(d.id) from device d join device_status s on s.device_id = d.id"
				+ " where substring(d.code from 7 for 4) = '0000' and s.last_heartbeat_at > now() - interval '100 seconds'";
		String offline = "select min(d.id) from device d join device_status s on s.device_id = d.id"
				+ " where substring(d.code from 7 for 4) = '0000' and s.last_heartbeat_at < now() - interval '1 hour'";
		Long alive = jdbc.sql(online).query(Long.class).single();
		Long silent = jdbc.sql(offline).query(Long.class).single();
		long beatsBefore = beats(alive);
		long silentBefore = beats(silent);
		demo.keepDemoDevicesAlive();
		assertThat(beats(alive)).isGreaterThan(beatsBefore);
		assertThat(beats(silent)).isEqualTo(silentBefore);
	}

	private long beats(long deviceId) {
		return jdbc.sql("select heartbeats from device_status where device_id = ?")
			.param(deviceId)
			.query(Long.class)
			.single();
	}

	@Test
	void everyDemoSchoolHasDevicesMostOfThemOnlineAndTheConsoleHasWork() {
		assertThat(jdbc.sql("select count(distinct school_id) from device where code not like '3204020001%'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(600);
		Page rates = new WebSession(port).api("GET", "/api/v1/devices/rates?level=CITY", "city.police", PW, null,
				Map.of());
		double percent = Double.parseDouble(find(rates.body(), "\"percent\":([0-9.]+)"));
		assertThat(percent).isBetween(70.0, 99.9);
		Page statistics = WebSession.signedIn(port, "city.police", PW).get("/alarms/statistics");
		assertThat(statistics.body()).contains("误报").contains("真实警情");
		assertThat(jdbc.sql("select count(*) from alarm where event_id like 'demo-%' and state = 'NEW'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void shopsAndHomesNearSchoolsHaveOneKeyAlarmsSeenByThePoliceOnly() {
		Page police = new WebSession(port).api("GET", "/api/v1/devices?owner=VENUE&q=3204020000134", "tianning.police",
				PW, null, Map.of());
		assertThat(Long.parseLong(find(police.body(), "\"total\":(\\d+)"))).isGreaterThanOrEqualTo(1);
		assertThat(police.body()).contains("\"owner\":\"VENUE\"").contains("（周边，护 ");
		Page education = new WebSession(port).api("GET", "/api/v1/devices?owner=VENUE", "city.edu", PW, null, Map.of());
		assertThat(find(education.body(), "\"total\":(\\d+)")).isEqualTo("0");
		assertThat(WebSession.signedIn(port, "city.police", PW).get("/alarms/statistics").body()).contains("周边一键报警");
	}

	@Test
	void theSchoolRateListIsSortedWorstFirst() {
		Page rates = new WebSession(port).api("GET", "/api/v1/devices/rates?level=SCHOOL", "city.police", PW, null,
				Map.of());
		java.util.List<Double> percents = new java.util.ArrayList<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"percent\":([0-9.]+)").matcher(rates.body());
		while (m.find()) {
			percents.add(Double.parseDouble(m.group(1)));
		}
		assertThat(percents).hasSizeGreaterThan(100).isSorted();
		assertThat(percents.get(0)).isLessThan(percents.get(percents.size() - 1));
	}

}
