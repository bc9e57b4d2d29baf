package cn.hxay.alarm;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.hxay.organisation.DataScope;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devices offline now, as the networking rates above a school count them: once per
 * {@code hxay.device.offline-figure-ttl} for every scope (the runtime default, 10 s; the
 * other tests count on every request). Shown on the demo city's devices with a store of
 * that setting beside one that counts every time: within the ten seconds a device that
 * dropped out is not yet counted, after them it is, and the figures then equal a fresh
 * count for every level and for a county's scope.
 */
@PlatformTest
class OfflineFigureTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFigureIsAtMostTheTimeToLiveOldAndThenEqualsAFreshCount() {
		DeviceStore cached = new DeviceStore(jdbc, Duration.ofSeconds(10));
		DeviceStore fresh = new DeviceStore(jdbc, Duration.ZERO);
		Instant now = Instant.now();
		DataScope city = DataScope.everything(true);
		// a required school device that is online now drops out: its registration lapses
		// (the demo devices keep sending heartbeats in tests)
		Long silent = jdbc.sql("""
				select d.id from device d join device_status s on s.device_id = d.id
				where d.owner_kind = 'SCHOOL' and d.must_be_networked and d.region_code = '320402'
				  and s.last_heartbeat_at > ? and s.registered_until is null
				order by d.id limit 1""").param(Timestamp.from(now.minusSeconds(60))).query(Long.class).single();
		long before = online(cached, RateLevel.COUNTY, city, now);
		try {
			jdbc.sql("update device_status set registered_until = ? where device_id = ?")
				.params(Timestamp.from(now.minus(Duration.ofHours(1))), silent)
				.update();
			Instant soon = now.plusSeconds(5);
			assertThat(online(fresh, RateLevel.COUNTY, city, soon)).isEqualTo(before - 1);
			assertThat(online(cached, RateLevel.COUNTY, city, soon)).as("within the ten seconds").isEqualTo(before);
			Instant later = now.plusSeconds(11);
			for (RateLevel level : List.of(RateLevel.CITY, RateLevel.COUNTY, RateLevel.STATION)) {
				assertThat(cached.rates(level.key(), level.nameExpression(), city, cutoff(later), later, null, null))
					.as("%s after the ten seconds", level)
					.isEqualTo(
							fresh.rates(level.key(), level.nameExpression(), city, cutoff(later), later, null, null));
			}
			assertThat(online(cached, RateLevel.COUNTY, city, later)).isEqualTo(before - 1);
			// a county's scope and a region filter read the same snapshot
			DataScope county = DataScope
				.of(jdbc.sql("select id from organisation where region_code = '320402'" + " and kind <> 'SCHOOL'")
					.query(Long.class)
					.list(), true);
			assertThat(cached.rates(RateLevel.STATION.key(), RateLevel.STATION.nameExpression(), county, cutoff(later),
					later, null, "320402"))
				.isEqualTo(fresh.rates(RateLevel.STATION.key(), RateLevel.STATION.nameExpression(), county,
						cutoff(later), later, null, "320402"));
		}
		finally {
			jdbc.sql("update device_status set registered_until = null where device_id = ?").param(silent).update();
		}
	}

	private static long online(DeviceStore store, RateLevel level, DataScope scope, Instant at) {
		return store.rates(level.key(), level.nameExpression(), scope, cutoff(at), at, null, null)
			.stream()
			.mapToLong(NetworkingRate::online)
			.sum();
	}

	/** The default heartbeat window: 60 s, three missed. */
	private static Instant cutoff(Instant at) {
		return at.minusSeconds(180);
	}

}
