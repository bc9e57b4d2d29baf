package cn.hxay.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bulk runs in PostgreSQL ({@code bulk_account_run}): progress, outcome and the sealed
 * one-time passwords, so that any node answers for any run.
 */
@Repository
class BulkRunStore {

	private final JdbcClient jdbc;

	BulkRunStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A run as stored; {@code sealed} is the passwords' ciphertext (null once wiped). */
	record Row(UUID id, String owner, String title, int total, int skipped, int done, String state, String message,
			long elapsedMs, Instant heardAt, Instant expiresAt, String sealed, Instant downloadedAt) {
	}

	void insert(UUID id, String owner, String title, int total, int skipped, Instant now) {
		jdbc.sql("""
				insert into bulk_account_run (id, owner, title, total, skipped, started_at, heard_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, owner, title, total, skipped, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	void progress(UUID id, int done, long elapsedMs, Instant now) {
		jdbc.sql(
				"update bulk_account_run set done = ?, elapsed_ms = ?, heard_at = ? where id = ? and state = 'RUNNING'")
			.params(done, elapsedMs, Timestamp.from(now), id)
			.update();
	}

	void finish(UUID id, long elapsedMs, String sealed, Instant expiresAt, Instant now) {
		jdbc.sql("""
				update bulk_account_run set state = 'DONE', done = total, elapsed_ms = ?, heard_at = ?,
				passwords_cipher = ?, expires_at = ? where id = ?""")
			.params(elapsedMs, Timestamp.from(now), sealed, Timestamp.from(expiresAt), id)
			.update();
	}

	void fail(UUID id, String message, long elapsedMs, Instant now) {
		jdbc.sql("update bulk_account_run set state = 'FAILED', message = ?, elapsed_ms = ?, heard_at = ? where id = ?")
			.params(message.length() > 500 ? message.substring(0, 500) : message, elapsedMs, Timestamp.from(now), id)
			.update();
	}

	Optional<Row> find(UUID id) {
		return jdbc.sql("select * from bulk_account_run where id = ?").param(id).query(this::map).optional();
	}

	/** The run, its row locked until the transaction ends (one download across nodes). */
	Optional<Row> lock(UUID id) {
		return jdbc.sql("select * from bulk_account_run where id = ? for update").param(id).query(this::map).optional();
	}

	/** Destroys the passwords of a run at its one download. */
	void downloaded(UUID id, String by, Instant now) {
		jdbc.sql("""
				update bulk_account_run set passwords_cipher = null, downloaded_at = ?, downloaded_by = ?, wiped_at = ?
				where id = ?""").params(Timestamp.from(now), by, Timestamp.from(now), id).update();
	}

	/** Destroys every password sheet past its expiry; the runs whose sheet went. */
	List<Row> wipeExpired(Instant now) {
		return jdbc.sql("""
				update bulk_account_run set passwords_cipher = null, wiped_at = ?
				where passwords_cipher is not null and expires_at <= ? returning *""")
			.params(Timestamp.from(now), Timestamp.from(now))
			.query(this::map)
			.list();
	}

	/** Runs whose sealed passwords are not under the given key. */
	List<UUID> sealedUnder(String notKeyId) {
		return jdbc
			.sql("select id from bulk_account_run where passwords_cipher is not null and passwords_cipher not like ?")
			.param(notKeyId + ":%")
			.query(UUID.class)
			.list();
	}

	void reseal(UUID id, String sealed) {
		jdbc.sql("update bulk_account_run set passwords_cipher = ? where id = ? and passwords_cipher is not null")
			.params(sealed, id)
			.update();
	}

	private Row map(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("title"), rs.getInt("total"),
				rs.getInt("skipped"), rs.getInt("done"), rs.getString("state"), rs.getString("message"),
				rs.getLong("elapsed_ms"), instant(rs.getTimestamp("heard_at")), instant(rs.getTimestamp("expires_at")),
				rs.getString("passwords_cipher"), instant(rs.getTimestamp("downloaded_at")));
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
