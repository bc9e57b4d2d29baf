package cn.hxay.shared.database;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way to keep the history of an aggregate (hazard, inspection, alarm): who did
 * what, when, with a comment, one row a step in the module's own step table, read back
 * oldest first. Each module keeps its own table and names its columns; a table with a
 * {@code sensitive} column keeps police-only lines that only police readers get back.
 */
public final class StepHistory {

	private static final Pattern NAME = Pattern.compile("[a-z_]+");

	/** One recorded step. */
	public record Step(long id, long ownerId, String action, String actor, Instant at, String comment) {
	}

	private final JdbcClient jdbc;

	private final String insert;

	private final String insertSensitive;

	private final String select;

	private final String selectPublic;

	/**
	 * A history kept in {@code table}, whose rows belong to the aggregate named in
	 * {@code ownerColumn}, with the step's name in {@code actionColumn} and its text in
	 * {@code commentColumn} (plus {@code actor} and {@code at}).
	 */
	public StepHistory(JdbcClient jdbc, String table, String ownerColumn, String actionColumn, String commentColumn) {
		for (String name : List.of(table, ownerColumn, actionColumn, commentColumn)) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("not a column or table name: " + name);
			}
		}
		this.jdbc = jdbc;
		this.insert = "insert into " + table + " (" + ownerColumn + ", " + actionColumn + ", actor, at, "
				+ commentColumn + ") values (?, ?, ?, ?, ?)";
		this.insertSensitive = "insert into " + table + " (" + ownerColumn + ", " + actionColumn + ", actor, at, "
				+ commentColumn + ", sensitive) values (?, ?, ?, ?, ?, ?)";
		this.select = "select id, " + ownerColumn + ", " + actionColumn + ", actor, at, " + commentColumn + " from "
				+ table + " where " + ownerColumn + " = ?";
		this.selectPublic = select + " and not sensitive";
	}

	/** Records one step. */
	public void record(long ownerId, String action, String actor, Instant at, String comment) {
		jdbc.sql(insert).params(ownerId, action, actor, Timestamp.from(at), comment).update();
	}

	/**
	 * Records one step in a table with a {@code sensitive} column; a sensitive line is
	 * read back only by {@link #steps(long, boolean)} with police {@code true}.
	 */
	public void record(long ownerId, String action, String actor, Instant at, String comment, boolean sensitive) {
		jdbc.sql(insertSensitive).params(ownerId, action, actor, Timestamp.from(at), comment, sensitive).update();
	}

	/** Every step of the aggregate, oldest first (same time: in the order recorded). */
	public List<Step> steps(long ownerId) {
		return read(select, ownerId);
	}

	/** The steps of the aggregate a reader may see: sensitive lines for police only. */
	public List<Step> steps(long ownerId, boolean police) {
		return read(police ? select : selectPublic, ownerId);
	}

	private List<Step> read(String sql, long ownerId) {
		return jdbc.sql(sql + " order by at, id")
			.param(ownerId)
			.query((rs, n) -> new Step(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getString(6)))
			.list();
	}

}
