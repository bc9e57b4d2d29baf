package cn.hxay.alarm;

import java.time.Duration;
import java.time.Instant;

/**
 * GB/T 28181 keepalive semantics: a device is online while its last heartbeat is younger
 * than the heartbeat interval times the number of heartbeats it may miss.
 */
public record OnlineRule(Duration interval, int allowedMisses) {

	public Duration window() {
		return interval.multipliedBy(allowedMisses);
	}

	/** The oldest heartbeat that still counts as online at the given moment. */
	public Instant cutoff(Instant now) {
		return now.minus(window());
	}

	public Verdict judge(Instant lastHeartbeat, Instant now) {
		return judge(lastHeartbeat, null, now);
	}

	/**
	 * As GB/T 28181: a device that registered is online only while its registration is
	 * valid and its heartbeats are fresh; one that never registered by its heartbeats
	 * alone.
	 */
	public Verdict judge(Instant lastHeartbeat, Instant registeredUntil, Instant now) {
		String rule = "心跳间隔 " + interval.toSeconds() + " 秒 × 允许丢失 " + allowedMisses + " 次 = " + window().toSeconds()
				+ " 秒内有心跳即在线" + (registeredUntil == null ? "" : "，且注册在有效期内");
		if (registeredUntil != null && !registeredUntil.isAfter(now)) {
			return new Verdict(false, rule,
					"注册已于 " + cn.hxay.shared.PlatformTime.SECOND.format(registeredUntil) + " 过期或已注销，须重新注册");
		}
		if (lastHeartbeat == null) {
			return new Verdict(false, rule, "从未收到心跳");
		}
		long age = Duration.between(lastHeartbeat, now).toSeconds();
		if (lastHeartbeat.isAfter(cutoff(now))) {
			return new Verdict(true, rule, "最后心跳在 " + Math.max(0, age) + " 秒前，未超过 " + window().toSeconds() + " 秒");
		}
		return new Verdict(false, rule, "最后心跳在 " + age + " 秒前，已超过 " + window().toSeconds() + " 秒 (连续丢失 "
				+ age / Math.max(1, interval.toSeconds()) + " 次心跳)");
	}

	/**
	 * Online or not, the rule that was applied and why, in words for the device page.
	 */
	public record Verdict(boolean online, String rule, String reason) {

	}

}
