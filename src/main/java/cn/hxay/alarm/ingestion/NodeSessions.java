package cn.hxay.alarm.ingestion;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import cn.hxay.shared.ClusterLock;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The MQTT sessions of the nodes in a shared subscription group, so that a dead node's
 * session is taken over rather than left at the broker.
 *
 * <p>
 * A broker keeps a persistent session after its client dies without a word (a killed
 * process, a lost machine): Mosquitto 2 keeps handing that session its turn of the
 * group's messages, queued, and keeps the messages it had sent and saw no acknowledgement
 * for; it gives none of them to the group's other members. So each node claims its client
 * id: a row in {@code mqtt_node_session} and a session-level advisory lock held on a
 * connection of its own (outside the pool), which dies with the node. Every few seconds
 * ({@code hxay.mqtt.takeover-check}) each node tries the lock of the other rows, in a
 * transaction ({@link ClusterLock}); a lock it gets belongs to a dead node, whose session
 * it resumes under that client id, drains and ends ({@link MqttIngest#takeOver}), then
 * deletes the row. A node starting again with the same client id waits for a takeover in
 * progress to finish.
 *
 * <p>
 * Until the takeover (at most {@code hxay.mqtt.takeover-check} plus the drain) the broker
 * queues the dead node's turn of messages: give it room for them (Mosquitto
 * {@code max_queued_messages}, 1000 by default, drops the rest; at thousands of
 * heartbeats a second set it to 100000 or more).
 */
@Component
class NodeSessions {

	private static final Logger log = LoggerFactory.getLogger(NodeSessions.class);

	/** How long a starting node waits for its client id (a takeover takes seconds). */
	private static final Duration CLAIM_WAIT = Duration.ofSeconds(60);

	/** Resumes, drains and ends a dead node's session; throws when it could not. */
	interface TakeOver {

		int takeOver(String clientId, String topicFilter) throws Exception;

	}

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final ClusterLock lock;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	private volatile Connection claim;

	private volatile String clientId;

	private volatile String topicFilter;

	NodeSessions(DataSource dataSource, JdbcClient jdbc, ClusterLock lock, TransactionTemplate transactions,
			@Value("${hxay.mqtt.takeover:true}") boolean enabled) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.lock = lock;
		this.transactions = transactions;
		this.enabled = enabled;
	}

	static String lockName(String clientId) {
		return "alarm.mqtt-session." + clientId;
	}

	/**
	 * Claims this node's client id before it connects: waits while another node takes
	 * over the session of the same id, and refuses to start when a live node uses it.
	 */
	void claim(String clientId, String topicFilter) {
		if (!enabled) {
			return;
		}
		this.clientId = clientId;
		this.topicFilter = topicFilter;
		long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
		while (!tryClaim()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("MQTT client id " + clientId
						+ " is held by another live node: give each node its own hxay.mqtt.client-id");
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while claiming MQTT client id " + clientId, ex);
			}
		}
	}

	private boolean tryClaim() {
		try {
			Connection opened = open();
			boolean taken;
			try (PreparedStatement statement = opened.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
				statement.setString(1, lockName(clientId));
				try (ResultSet result = statement.executeQuery()) {
					taken = result.next() && result.getBoolean(1);
				}
			}
			if (!taken) {
				opened.close();
				return false;
			}
			try (PreparedStatement statement = opened.prepareStatement(
					"""
							insert into mqtt_node_session (client_id, topic_filter) values (?, ?)
							on conflict (client_id) do update set topic_filter = excluded.topic_filter, claimed_at = now()""")) {
				statement.setString(1, clientId);
				statement.setString(2, topicFilter);
				statement.executeUpdate();
			}
			claim = opened;
			return true;
		}
		catch (SQLException ex) {
			log.warn("MQTT client id {} not claimed: {}", clientId, ex.getMessage());
			return false;
		}
	}

	/**
	 * Takes over the sessions of nodes that died; first claims this node's id again if
	 * its connection broke.
	 */
	void sweep(TakeOver takeOver) {
		if (!enabled || clientId == null) {
			return;
		}
		Connection current = claim;
		if (current == null || !valid(current)) {
			log.warn("the claim on MQTT client id {} was lost, claiming it again", clientId);
			close(current);
			claim = null;
			if (!tryClaim()) {
				return;
			}
		}
		List<Session> others = jdbc
			.sql("select client_id, topic_filter from mqtt_node_session where client_id <> ? order by client_id")
			.param(clientId)
			.query((rs, i) -> new Session(rs.getString(1), rs.getString(2)))
			.list();
		for (Session other : others) {
			transactions.executeWithoutResult(status -> {
				if (!lock.tryTake(lockName(other.clientId())) || !stillThere(other.clientId())) {
					// alive, or another node has just taken it over
					return;
				}
				long started = System.nanoTime();
				int messages;
				try {
					messages = takeOver.takeOver(other.clientId(), other.topicFilter());
				}
				catch (Exception ex) {
					// the row stays: the next sweep, here or on another node, tries again
					log.warn("MQTT session {} of a dead node not taken over yet: {}", other.clientId(), ex.toString());
					status.setRollbackOnly();
					return;
				}
				jdbc.sql("delete from mqtt_node_session where client_id = ?").param(other.clientId()).update();
				log.info("took over the MQTT session {} of a node that is gone: {} messages in {} ms", other.clientId(),
						messages, Duration.ofNanos(System.nanoTime() - started).toMillis());
			});
		}
	}

	private boolean stillThere(String clientId) {
		return jdbc.sql("select count(*) from mqtt_node_session where client_id = ?")
			.param(clientId)
			.query(Long.class)
			.single() > 0;
	}

	/** Lets go of this node's claim, last thing when the node stops. */
	void release() {
		Connection current = claim;
		claim = null;
		close(current);
	}

	private record Session(String clientId, String topicFilter) {
	}

	private static boolean valid(Connection connection) {
		try {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static void close(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				log.debug("closing the MQTT claim connection: {}", ex.getMessage());
			}
		}
	}

	/** A connection of its own, outside the pool: closing it ends the lock. */
	private Connection open() throws SQLException {
		if (dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
			return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
		}
		return dataSource.getConnection();
	}

}
