package cn.hxay.posture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Posture versions in PostgreSQL, the facts as JSON.
 */
@Repository
class PostureStore {

	private static final Logger log = LoggerFactory.getLogger(PostureStore.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PostureStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<PostureVersion> asOf(long schoolId, OffsetDateTime time) {
		return jdbc.sql("""
				select * from posture_version where school_id = ? and valid_from <= ?
				order by valid_from desc, id desc limit 1""").params(schoolId, time).query(this::map).optional();
	}

	Optional<PostureVersion> version(long schoolId, long versionId) {
		return jdbc.sql("select * from posture_version where school_id = ? and id = ?")
			.params(schoolId, versionId)
			.query(this::map)
			.optional();
	}

	List<PostureVersion> history(long schoolId) {
		return jdbc.sql("select * from posture_version where school_id = ? order by valid_from desc, id desc limit 100")
			.param(schoolId)
			.query(this::map)
			.list();
	}

	/**
	 * The version in force now for every school that has one; the JSON is parsed on all
	 * cores.
	 */
	Map<Long, SecurityPosture> currentForAll(OffsetDateTime now) {
		long started = System.nanoTime();
		List<Map.Entry<Long, String>> rows = jdbc.sql("""
				select distinct on (school_id) school_id, facts from posture_version where valid_from <= ?
				order by school_id, valid_from desc, id desc""")
			.param(now)
			.query((rs, n) -> Map.entry(rs.getLong("school_id"), rs.getString("facts")))
			.list();
		long fetched = System.nanoTime();
		ObjectReader reader = json.readerFor(SecurityPosture.class);
		Map<Long, SecurityPosture> postures = new ConcurrentHashMap<>(rows.size() * 2);
		rows.parallelStream().forEach(row -> postures.put(row.getKey(), reader.readValue(row.getValue())));
		log.debug("安全防范情况: 读取 {} 行 {} ms, 解析 {} ms", rows.size(), (fetched - started) / 1_000_000,
				(System.nanoTime() - fetched) / 1_000_000);
		return postures;
	}

	/** One page of the history, newest first, with one row more (the version before). */
	List<PostureVersion> historyPage(long schoolId, long offset, int size) {
		return jdbc
			.sql("select * from posture_version where school_id = ? order by valid_from desc, id desc offset ? limit ?")
			.params(schoolId, offset, size + 1)
			.query(this::map)
			.list();
	}

	long count(long schoolId) {
		return jdbc.sql("select count(*) from posture_version where school_id = ?")
			.param(schoolId)
			.query(Long.class)
			.single();
	}

	long insert(long schoolId, OffsetDateTime validFrom, String recordedBy, SecurityPosture posture) {
		return jdbc.sql(
				"insert into posture_version (school_id, valid_from, recorded_by, facts) values (?, ?, ?, cast(? as json)) returning id")
			.params(schoolId, validFrom, recordedBy, json.writeValueAsString(posture))
			.query(Long.class)
			.single();
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from posture_version)").query(Boolean.class).single();
	}

	private PostureVersion map(ResultSet rs, int row) throws SQLException {
		return new PostureVersion(rs.getLong("id"), rs.getLong("school_id"),
				rs.getObject("valid_from", OffsetDateTime.class), rs.getString("recorded_by"),
				json.readValue(rs.getString("facts"), SecurityPosture.class));
	}

}
