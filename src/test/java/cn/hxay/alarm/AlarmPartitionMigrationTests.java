package cn.hxay.alarm;

import java.util.List;

import javax.sql.DataSource;

import cn.hxay.support.PlatformTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V910 on a database that already has alarms: a fresh database on the test server is
 * migrated to V881, given alarms on both sides of a month boundary and two years back
 * with their steps, then migrated to V910. Every alarm and step is still there with its
 * id, each in its month's partition (a step in its alarm's month, even when taken in the
 * next), the event keys are filled, the sequences carry on above the moved ids, the
 * store-once rule refuses the same event again and the console's trigger is back.
 */
@PlatformTest
class AlarmPartitionMigrationTests {

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyAlarmAndStepIsMovedIntoItsMonthWithItsIdAndTheSequencesCarryOn() {
		String database = "alarm_migration_" + ProcessHandle.current().pid();
		jdbc.sql("drop database if exists " + database + " with (force)").update();
		jdbc.sql("create database " + database).update();
		try {
			DataSource source = new DriverManagerDataSource(postgres.getJdbcUrl("postgres", database), "postgres", "");
			migrate(source, "881");
			JdbcClient db = JdbcClient.create(source);
			db.sql("""
					insert into device (id, code, school_id, school_code, school_name, school_org_id, station_id,
					  region_code, kind, place, token_hash)
					values (7, '32040200001320000001', 1, 'S1', '测试小学', 11, 12, '320402', 'ONE_KEY_ALARM', '门卫室', 'x')""")
				.update();
			alarm(db, 101, "feb-end", "2024-02-29 23:59:00+08");
			alarm(db, 102, "mar-start", "2024-03-01 00:01:00+08");
			alarm(db, 103, "two-years", "2022-06-15 10:00:00+08");
			db.sql("select setval('alarm_id_seq', 103)").query(Long.class).single();
			step(db, 201, 101, "RECEIVED", "2024-02-29 23:59:00+08");
			step(db, 202, 101, "CLOSE", "2024-03-01 00:30:00+08");
			step(db, 203, 102, "RECEIVED", "2024-03-01 00:01:00+08");
			step(db, 204, 103, "RECEIVED", "2022-06-15 10:00:00+08");
			db.sql("select setval('alarm_step_id_seq', 204)").query(Long.class).single();

			migrate(source, "910");

			assertThat(db.sql("select id || '@' || tableoid::regclass::text from alarm order by id")
				.query(String.class)
				.list()).containsExactly("101@alarm_p202402", "102@alarm_p202403", "103@alarm_p202206");
			assertThat(db.sql("""
					select s.id || '/' || s.alarm_id || '/' || s.step || '@' || s.tableoid::regclass::text
					from alarm_step s join alarm a on a.id = s.alarm_id and a.received_at = s.alarm_received_at
					order by s.id""").query(String.class).list()).containsExactly("201/101/RECEIVED@alarm_step_p202402",
					"202/101/CLOSE@alarm_step_p202402", "203/102/RECEIVED@alarm_step_p202403",
					"204/103/RECEIVED@alarm_step_p202206");
			assertThat(db.sql("select event_id || '=' || alarm_id from alarm_event_key order by alarm_id")
				.query(String.class)
				.list()).containsExactly("feb-end=101", "mar-start=102", "two-years=103");
			assertThat(db.sql("select nextval('alarm_id_seq')").query(Long.class).single()).isEqualTo(104);
			assertThat(db.sql("select nextval('alarm_step_id_seq')").query(Long.class).single()).isEqualTo(205);
			// the same event again, a month later: the key refuses it, and an alarm
			// cannot
			// be stored past the key
			assertThat(db
				.sql("""
						insert into alarm_event_key (device_id, event_id, alarm_id, received_at)
						values (7, 'feb-end', 105, '2024-03-01 00:02:00+08') on conflict (device_id, event_id) do nothing""")
				.update()).isZero();
			assertThatThrownBy(() -> alarm(db, 106, "feb-end", "2024-03-01 00:03:00+08"))
				.hasMessageContaining("alarm_event_once");
			assertThat(db.sql("select count(*) from alarm where event_id = 'feb-end'").query(Long.class).single())
				.isEqualTo(1);
			List<String> triggers = db.sql("select tgname from pg_trigger where tgrelid = 'alarm'::regclass")
				.query(String.class)
				.list();
			assertThat(triggers).contains("alarm_notify_change");
			assertThat(db
				.sql("select count(*) from pg_indexes where tablename = 'alarm' and indexdef like '%gin (unit_ids)%'")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		finally {
			jdbc.sql("drop database if exists " + database + " with (force)").update();
		}
	}

	private static void migrate(DataSource source, String version) {
		Flyway.configure().dataSource(source).locations("classpath:db/migration").target(version).load().migrate();
	}

	private static void alarm(JdbcClient db, long id, String eventId, String receivedAt) {
		db.sql("""
				insert into alarm (id, device_id, event_id, device_code, device_kind, device_place, school_id, school_code,
				  school_name, school_org_id, station_id, region_code, type, code, priority, actionable, channel,
				  received_at, raw_payload, state)
				values (?, 7, ?, '32040200001320000001', 'ONE_KEY_ALARM', '门卫室', 1, 'S1', '测试小学', 11, 12, '320402',
				  'ONE_KEY', 'one_key', 1, true, 'MQTT', cast(? as timestamptz), '{}', 'NEW')""")
			.params(id, eventId, receivedAt)
			.update();
	}

	private static void step(JdbcClient db, long id, long alarmId, String step, String at) {
		db.sql("insert into alarm_step (id, alarm_id, step, actor, at) values (?, ?, ?, '设备', cast(? as timestamptz))")
			.params(id, alarmId, step, at)
			.update();
	}

}
