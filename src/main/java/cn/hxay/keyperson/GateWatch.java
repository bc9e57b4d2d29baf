package cn.hxay.keyperson;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The gate watch list: key persons under control linked to a school, and their alerts.
 */
@Repository
class GateWatch {

	private final JdbcClient jdbc;

	GateWatch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Match(long keyPersonId, long stationId) {
	}

	Optional<Match> match(long schoolId, List<String> hmacs) {
		return jdbc.sql("""
				select k.id, k.station_id from key_person k join key_person_school ks on ks.key_person_id = k.id
				where ks.school_id = :school and k.status = 'UNDER_CONTROL' and k.id_number_hmac in (:hmacs)
				order by k.id limit 1""")
			.param("school", schoolId)
			.param("hmacs", hmacs)
			.query((rs, i) -> new Match(rs.getLong(1), rs.getLong(2)))
			.optional();
	}

	long alert(Match match, long schoolId, String schoolName, Instant at) {
		return jdbc.sql("""
				insert into key_person_gate_alert (key_person_id, school_id, school_name, station_id, at)
				values (:person, :school, :name, :station, :at) returning id""")
			.param("person", match.keyPersonId())
			.param("school", schoolId)
			.param("name", schoolName)
			.param("station", match.stationId())
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** The key person an alert is about, if the alert is in the scope. */
	Optional<Long> personOf(DataScope scope, long alertId) {
		return scope
			.bind(jdbc.sql(
					"select a.key_person_id from key_person_gate_alert a where a.id = :id and " + DataScope.where("a")))
			.param("id", alertId)
			.query(Long.class)
			.optional();
	}

}
