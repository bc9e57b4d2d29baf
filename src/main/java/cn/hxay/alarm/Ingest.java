package cn.hxay.alarm;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import cn.hxay.alarm.DeviceStore.Credentials;
import cn.hxay.alarm.IngestCounters.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one door for device messages, whatever the channel: checks size, device, token and
 * format, counts what it refuses, and hands heartbeats to the {@link HeartbeatBuffer} and
 * alarms to {@link Alarms}. It never throws for a bad message; a database failure while
 * storing an alarm does propagate, so that MQTT redelivers and HTTP answers 503.
 *
 * <p>
 * Payload (UTF-8 JSON, at most {@code hxay.device.max-payload-bytes}):
 * {@code {"eventId":"…","token":"…","time":"2026-11-25T08:00:00+08:00","code":"one_key","snapshotUrl":"…","clipUrl":"…","detail":"…"}}.
 * {@code eventId} (1–64 of {@code [A-Za-z0-9_.:-]}) is required for alarms; {@code token}
 * is required over MQTT (over HTTP it travels in the {@code X-Device-Token} header).
 */
@Component
class Ingest {

	static final String MQTT = "MQTT";

	static final String HTTP = "HTTP";

	private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");

	private static final long CACHE_NANOS = 10_000_000_000L;

	/** What arrived. */
	enum Kind {

		HEARTBEAT, ALARM, REGISTER

	}

	/** What became of a message. */
	sealed interface Result {

	}

	record Accepted(Long alarmId, boolean duplicate) implements Result {
	}

	record Rejected(Reason reason, String detail) implements Result {
	}

	private record Cached(Optional<Credentials> credentials, long loadedAt) {
	}

	private final DeviceStore devices;

	private final Alarms alarms;

	private final HeartbeatBuffer heartbeats;

	private final IngestCounters counters;

	private final JsonMapper json;

	private final Clock clock;

	private final int maxPayload;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	Ingest(DeviceStore devices, Alarms alarms, HeartbeatBuffer heartbeats, IngestCounters counters, JsonMapper json,
			Clock clock, @Value("${hxay.device.max-payload-bytes:4096}") int maxPayload) {
		this.devices = devices;
		this.alarms = alarms;
		this.heartbeats = heartbeats;
		this.counters = counters;
		this.json = json;
		this.clock = clock;
		this.maxPayload = maxPayload;
	}

	/**
	 * @param schoolCode the school named in the MQTT topic, {@code null} over HTTP
	 * @param headerToken the token from the HTTP header, {@code null} over MQTT
	 */
	Result receive(String channel, Kind kind, String deviceCode, String schoolCode, String headerToken,
			byte[] payload) {
		Instant receivedAt = clock.instant();
		if (payload.length > maxPayload) {
			return reject(channel, Reason.OVERSIZED, deviceCode + ": " + payload.length + " 字节，上限 " + maxPayload);
		}
		Optional<Credentials> found = deviceCode == null || deviceCode.length() > 20 ? Optional.empty()
				: credentials(deviceCode);
		if (found.isEmpty()) {
			return reject(channel, Reason.UNKNOWN_DEVICE, String.valueOf(deviceCode));
		}
		Credentials device = found.get();
		JsonNode body;
		try {
			body = payload.length == 0 && kind == Kind.HEARTBEAT ? json.createObjectNode() : json.readTree(payload);
		}
		catch (JacksonException ex) {
			return reject(channel, Reason.MALFORMED, deviceCode + ": 不是有效的 JSON");
		}
		if (body == null || !body.isObject()) {
			return reject(channel, Reason.MALFORMED, deviceCode + ": 消息应为 JSON 对象");
		}
		String token = headerToken != null ? headerToken : text(body, "token");
		if (!DeviceTokens.matches(token, device.tokenHash())) {
			return reject(channel, Reason.UNAUTHENTICATED, deviceCode);
		}
		if (schoolCode != null && !schoolCode.equals(device.schoolCode())) {
			return reject(channel, Reason.TOPIC_MISMATCH, deviceCode + " 不属于学校 " + schoolCode);
		}
		if (kind == Kind.HEARTBEAT) {
			heartbeats.record(device.deviceId(), receivedAt);
			return new Accepted(null, false);
		}
		if (kind == Kind.REGISTER) {
			// GB/T 28181 REGISTER: Expires in seconds (default 3600); 0 unregisters
			JsonNode expires = body.get("expires");
			long seconds = expires == null || expires.isNull() ? 3600
					: expires.isIntegralNumber() ? expires.asLong() : -1;
			if (seconds < 0 || seconds > 86_400) {
				return reject(channel, Reason.MALFORMED, deviceCode + ": expires 应为 0–86400 秒");
			}
			devices.register(device.deviceId(), receivedAt.plusSeconds(seconds));
			if (seconds > 0) {
				heartbeats.record(device.deviceId(), receivedAt);
			}
			return new Accepted(null, false);
		}
		String eventId = text(body, "eventId");
		if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
			return reject(channel, Reason.MALFORMED, deviceCode + ": eventId 缺失或格式不对");
		}
		Instant deviceTime = null;
		String time = text(body, "time");
		if (time != null) {
			try {
				deviceTime = OffsetDateTime.parse(time).toInstant();
			}
			catch (DateTimeParseException ex) {
				return reject(channel, Reason.MALFORMED, deviceCode + ": time 应为 ISO-8601 带时区");
			}
		}
		String code = text(body, "code");
		Alarms.Raised raised = alarms.raise(new AlarmReport(device.deviceId(), eventId, limit(code, 64), deviceTime,
				receivedAt, limit(text(body, "snapshotUrl"), 500), limit(text(body, "clipUrl"), 500),
				limit(text(body, "detail"), 500), channel, new String(payload, StandardCharsets.UTF_8)));
		// an alarm shows the device is alive, too
		heartbeats.record(device.deviceId(), receivedAt);
		return new Accepted(raised.alarmId(), raised.duplicate());
	}

	/** Counts a message refused before it could be read, e.g. on an unknown topic. */
	Rejected reject(String channel, Reason reason, String detail) {
		counters.count(channel, reason, detail);
		return new Rejected(reason, detail);
	}

	/** Forgets what it knows of a device, e.g. after its token was reset. */
	void forget(String deviceCode) {
		cache.remove(deviceCode);
	}

	private Optional<Credentials> credentials(String code) {
		long now = System.nanoTime();
		Cached cached = cache.get(code);
		if (cached == null || now - cached.loadedAt() > CACHE_NANOS) {
			cached = new Cached(devices.credentials(code), now);
			if (cache.size() > 2_000_000) {
				cache.clear();
			}
			cache.put(code, cached);
		}
		return cached.credentials();
	}

	private static String text(JsonNode body, String field) {
		JsonNode node = body.get(field);
		return node == null || node.isNull() ? null : node.isValueNode() ? node.asString() : node.toString();
	}

	private static String limit(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
