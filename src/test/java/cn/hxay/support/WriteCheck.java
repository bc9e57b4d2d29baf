package cn.hxay.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether anything was written: the row counts of the main tables and the number of audit
 * entries that record a change (sign-ins and reads are not changes). Take one snapshot
 * before and one after, and compare.
 */
public final class WriteCheck {

	/** The tables a refused request must leave alone. */
	public static final List<String> TABLES = List.of("school", "hazard", "hazard_step", "inspection",
			"inspection_campaign", "device", "alarm", "posture_version", "webhook", "user_account", "organisation",
			"region");

	private static final String CHANGES = "select count(*) from audit_event where action not like 'LOGIN%'"
			+ " and action not like 'LOGOUT%' and action not like '%READ%' and action not like '%VIEW%'"
			+ " and action not like '%EXPORT%' and action not like '%REVEAL%' and action not like '%DOWNLOAD%'"
			+ " and action not like '%SEARCH%' and action not like '%PRINT%' and action not like '%REFUSED%'";

	private WriteCheck() {
	}

	public static Map<String, Long> snapshot(JdbcClient jdbc) {
		Map<String, Long> counts = new LinkedHashMap<>();
		StringBuilder sql = new StringBuilder("select ");
		for (String table : TABLES) {
			sql.append("(select count(*) from ").append(table).append(") as ").append(table).append(", ");
		}
		sql.append("(").append(CHANGES).append(") as audited_changes");
		jdbc.sql(sql.toString()).query(rs -> {
			for (String table : TABLES) {
				counts.put(table, rs.getLong(table));
			}
			counts.put("audited_changes", rs.getLong("audited_changes"));
		});
		return counts;
	}

}
