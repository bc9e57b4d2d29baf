package cn.hxay.tip;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounds the public help page per source, in PostgreSQL so that every node sees the same
 * counts (the pattern of identity's sign-in throttle): at most {@code tips} tips and
 * {@code claims} wrong claim codes per source in a window. The source is kept only as an
 * HMAC-SHA256 of the client address under a key made once per installation (so the stored
 * value cannot be turned back into an address by trying all of them), and each row is
 * deleted once its window has passed. The address never reaches the tip.
 */
@Component
class TipThrottle {

	static final String FILE = "file";

	static final String CLAIM = "claim";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration window;

	private final int tips;

	private final int claims;

	private volatile byte[] key;

	TipThrottle(JdbcClient jdbc, Clock clock, @Value("${hxay.tip.throttle.window:1h}") Duration window,
			@Value("${hxay.tip.throttle.tips:10}") int tips, @Value("${hxay.tip.throttle.claims:20}") int claims) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.window = window;
		this.tips = tips;
		this.claims = claims;
	}

	/** Whether this source has used up its allowance for the action. */
	boolean exhausted(String source, String action) {
		if (source == null) {
			return false;
		}
		return jdbc.sql("""
				select coalesce((select hits from tip_throttle
				  where source_hash = :source and action = :action and expires_at > :now), 0)""")
			.param("source", hashOf(source))
			.param("action", action)
			.param("now", Timestamp.from(clock.instant()))
			.query(Integer.class)
			.single() >= limit(action);
	}

	/**
	 * Counts one use of the action by this source, in its own transaction: a refused
	 * claim rolls back its request, not the count.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void count(String source, String action) {
		if (source == null) {
			return;
		}
		Instant now = clock.instant();
		jdbc.sql("delete from tip_throttle where expires_at <= ?").param(Timestamp.from(now)).update();
		jdbc.sql(
				"""
						insert into tip_throttle (source_hash, action, hits, expires_at) values (:source, :action, 1, :expires)
						on conflict (source_hash, action) do update set
						  hits = case when tip_throttle.expires_at <= :now then 1 else tip_throttle.hits + 1 end,
						  expires_at = case when tip_throttle.expires_at <= :now then :expires else tip_throttle.expires_at end""")
			.param("source", hashOf(source))
			.param("action", action)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(window)))
			.update();
	}

	Duration window() {
		return window;
	}

	private int limit(String action) {
		return FILE.equals(action) ? tips : claims;
	}

	String hashOf(String source) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(source.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] known = key;
		if (known == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			jdbc.sql("insert into tip_throttle_key (id, secret) values (1, ?) on conflict (id) do nothing")
				.param(fresh)
				.update();
			known = jdbc.sql("select secret from tip_throttle_key where id = 1").query(byte[].class).single();
			key = known;
		}
		return known;
	}

}
