package cn.hxay.alarm.console;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One connection per node that LISTENs on {@code alarm_changed} (announced by a trigger
 * on the alarm table, in the transaction that stores the change) and hands the alarm ids
 * to the {@link ConsoleFeed}. The connection is its own, outside the pool, and read on a
 * dedicated thread with the PgJDBC driver's {@code getNotifications(timeout)}; when it
 * breaks (the database restarts, the network drops) the thread opens a new one after a
 * pause, then asks the feed to poll once so nothing announced in between is missed.
 */
@Component
class AlarmChangeListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AlarmChangeListener.class);

	static final String CHANNEL = "alarm_changed";

	private final DataSource dataSource;

	private final ConsoleFeed feed;

	private final boolean enabled;

	private final Duration retry;

	private volatile Thread thread;

	private volatile Connection connection;

	private volatile boolean listening;

	AlarmChangeListener(DataSource dataSource, ConsoleFeed feed,
			@Value("${hxay.alarm.console-listen:true}") boolean enabled,
			@Value("${hxay.alarm.console-listen-retry:1s}") Duration retry) {
		this.dataSource = dataSource;
		this.feed = feed;
		this.enabled = enabled;
		this.retry = retry;
	}

	/** Whether the listening connection is open now. */
	boolean listening() {
		return listening;
	}

	@Override
	public void start() {
		if (!enabled) {
			return;
		}
		Thread started = new Thread(this::run, "console-listen");
		started.setDaemon(true);
		thread = started;
		started.start();
	}

	private void run() {
		while (thread == Thread.currentThread()) {
			try (Connection opened = open()) {
				connection = opened;
				try (Statement statement = opened.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection pg = opened.unwrap(PGConnection.class);
				listening = true;
				// whatever changed while nobody listened
				feed.poll();
				while (thread == Thread.currentThread()) {
					PGNotification[] notifications = pg.getNotifications(1000);
					if (notifications != null && notifications.length > 0) {
						feed.changed(ids(notifications));
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (thread != Thread.currentThread()) {
					return;
				}
				log.warn("alarm notifications interrupted, listening again in {}: {}", retry, ex.getMessage());
			}
			finally {
				listening = false;
				connection = null;
			}
			try {
				Thread.sleep(retry.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private Connection open() throws SQLException {
		if (dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
			return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
		}
		return dataSource.getConnection();
	}

	private static Set<Long> ids(PGNotification[] notifications) {
		Set<Long> ids = new LinkedHashSet<>();
		for (PGNotification notification : notifications) {
			String payload = notification.getParameter();
			int colon = payload.indexOf(':');
			try {
				ids.add(Long.parseLong(colon < 0 ? payload : payload.substring(0, colon)));
			}
			catch (NumberFormatException ex) {
				log.debug("ignored notification {}", payload);
			}
		}
		return ids;
	}

	@Override
	public void stop() {
		Thread running = thread;
		thread = null;
		Connection open = connection;
		if (open != null) {
			try {
				open.close();
			}
			catch (SQLException ex) {
				log.debug("closing the listening connection: {}", ex.getMessage());
			}
		}
		if (running != null) {
			running.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

}
