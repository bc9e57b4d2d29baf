package cn.hxay.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Throttles sign-in by source address, ahead of the per-account lockout: a source may
 * fail {@code per-account} times for one account name and {@code per-source} times in
 * all; after that it is answered "请稍后再试", its attempts neither checked nor counted
 * against any account, until it has been quiet for the window (counted from its last
 * failure). The account's own count forgets failures after the same quiet spell
 * ({@link UserAccount}), so with {@code per-account} below the lockout's five, one
 * address can never lock someone else's account. The source is the client address as the
 * servlet container reports it, i.e. {@code X-Forwarded-For} from a trusted proxy
 * ({@code server.forward-headers-strategy=native}). Counters live in PostgreSQL so every
 * node sees them.
 */
@Component
class LoginThrottle {

	private static final String WHOLE_SOURCE = "";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration window;

	private final int perAccount;

	private final int perSource;

	LoginThrottle(JdbcClient jdbc, Clock clock, @Value("${hxay.login.throttle.window:15m}") Duration window,
			@Value("${hxay.login.throttle.per-account:3}") int perAccount,
			@Value("${hxay.login.throttle.per-source:30}") int perSource) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.window = window;
		this.perAccount = perAccount;
		this.perSource = perSource;
	}

	/** Whether this source must wait before trying this account name again. */
	boolean throttled(String source, String username) {
		if (source == null) {
			return false;
		}
		return jdbc
			.sql("""
					select exists (select 1 from login_failure
					  where source = :source and last_failure_at > :since
					    and ((username = '' and failures >= :perSource) or (username = :name and failures >= :perAccount)))""")
			.param("source", key(source, 64))
			.param("since", Timestamp.from(clock.instant().minus(window)))
			.param("name", key(username, 50))
			.param("perSource", perSource)
			.param("perAccount", perAccount)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Counts one failed sign-in of this source; returns whether the source has now
	 * reached a limit.
	 */
	boolean failed(String source, String username) {
		if (source == null) {
			return false;
		}
		Instant now = clock.instant();
		jdbc.sql("delete from login_failure where last_failure_at <= ?")
			.param(Timestamp.from(now.minus(window)))
			.update();
		int forSource = count(key(source, 64), WHOLE_SOURCE, now);
		int forAccount = count(key(source, 64), key(username, 50), now);
		return forSource == perSource || forAccount == perAccount;
	}

	/** A successful sign-in forgets this source's failures for the account. */
	void succeeded(String source, String username) {
		if (source != null) {
			jdbc.sql("delete from login_failure where source = ? and username = ?")
				.params(key(source, 64), key(username, 50))
				.update();
		}
	}

	Duration window() {
		return window;
	}

	private int count(String source, String username, Instant now) {
		return jdbc
			.sql("""
					insert into login_failure (source, username, last_failure_at, failures) values (:source, :name, :now, 1)
					on conflict (source, username) do update set
					  failures = case when login_failure.last_failure_at <= :since then 1 else login_failure.failures + 1 end,
					  last_failure_at = :now
					returning failures""")
			.param("source", source)
			.param("name", username)
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(window)))
			.query(Integer.class)
			.single();
	}

	private static String key(String value, int length) {
		String text = value == null ? "" : value;
		return text.length() <= length ? text : text.substring(0, length);
	}

}
