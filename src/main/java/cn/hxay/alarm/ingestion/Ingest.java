package cn.hxay.alarm.ingestion;

import cn.hxay.alarm.AlarmReport;
import cn.hxay.alarm.Alarms;
import cn.hxay.alarm.Device;
import cn.hxay.alarm.DeviceCredentials;
import cn.hxay.alarm.DeviceTokens;
import cn.hxay.alarm.Devices;
import cn.hxay.alarm.VideoLinks;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import cn.hxay.alarm.DeviceCredentials;
import cn.hxay.alarm.ingestion.IngestCounters.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

	private static final Pattern DEVICE_CODE = Pattern.compile("\\d{20}");

	private static final long CACHE_NANOS = 10_000_000_000L;

	/** How far ahead of the platform clock a device's clock may run. */
	private static final Duration CLOCK_AHEAD = Duration.ofDays(1);

	/** How long a device may have buffered an alarm it could not deliver. */
	private static final Duration BUFFERED = Duration.ofDays(366);

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

	private record Cached(Optional<DeviceCredentials> credentials, long loadedAt) {
	}

	private final Devices devices;

	private final Alarms alarms;

	private final HeartbeatBuffer heartbeats;

	private final IngestCounters counters;

	private final JsonMapper json;

	private final Clock clock;

	private final int maxPayload;

	private final VideoLinks links;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	Ingest(Devices devices, Alarms alarms, HeartbeatBuffer heartbeats, IngestCounters counters, JsonMapper json,
			Clock clock, VideoLinks links, @Value("${hxay.device.max-payload-bytes:4096}") int maxPayload) {
		this.links = links;
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
		Optional<DeviceCredentials> found = deviceCode == null || !DEVICE_CODE.matcher(deviceCode).matches()
				? Optional.empty() : credentials(deviceCode);
		Long deviceId = found.map(DeviceCredentials::deviceId).orElse(null);
		if (payload.length > maxPayload) {
			return oversized(channel, deviceId, payload.length);
		}
		if (found.isEmpty()) {
			// the same answer as a wrong token: an error never tells which codes exist
			return reject(channel, Reason.UNKNOWN_DEVICE, null, null);
		}
		DeviceCredentials device = found.get();
		if (headerToken != null && !DeviceTokens.matches(headerToken, device.tokenHash())) {
			return reject(channel, Reason.UNAUTHENTICATED, deviceId, deviceCode);
		}
		String text = utf8(payload);
		if (text == null) {
			return reject(channel, Reason.MALFORMED, deviceId, deviceCode + ": 消息应为 UTF-8 编码的 JSON");
		}
		JsonNode body;
		try {
			body = text.isBlank() && kind == Kind.HEARTBEAT ? json.createObjectNode() : json.readTree(text);
		}
		catch (JacksonException ex) {
			return reject(channel, Reason.MALFORMED, deviceId, deviceCode + ": 不是有效的 JSON");
		}
		if (body == null || !body.isObject()) {
			return reject(channel, Reason.MALFORMED, deviceId, deviceCode + ": 消息应为 JSON 对象");
		}
		if (headerToken == null && !DeviceTokens.matches(text(body, "token"), device.tokenHash())) {
			return reject(channel, Reason.UNAUTHENTICATED, deviceId, deviceCode);
		}
		if (schoolCode != null && !schoolCode.equals(device.schoolCode())) {
			return reject(channel, Reason.TOPIC_MISMATCH, deviceId, deviceCode + " 不属于主题中的学校");
		}
		if (kind == Kind.HEARTBEAT) {
			heartbeats.record(device.deviceId(), receivedAt);
			return new Accepted(null, false);
		}
		if (kind == Kind.REGISTER) {
			// GB/T 28181 REGISTER: Expires in seconds (default 3600); 0 unregisters
			JsonNode expires = body.get("expires");
			long seconds = expires == null || expires.isNull() ? 3600
					: expires.isIntegralNumber() && expires.canConvertToLong() ? expires.asLong() : -1;
			if (seconds < 0 || seconds > 86_400) {
				return reject(channel, Reason.MALFORMED, deviceId, deviceCode + ": expires 应为 0–86400 秒");
			}
			devices.registeredUntil(device.deviceId(), receivedAt.plusSeconds(seconds));
			if (seconds > 0) {
				heartbeats.record(device.deviceId(), receivedAt);
			}
			return new Accepted(null, false);
		}
		String eventId = text(body, "eventId");
		if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
			return reject(channel, Reason.MALFORMED, deviceId, deviceCode + ": eventId 缺失或格式不对");
		}
		Instant deviceTime = null;
		String time = text(body, "time");
		if (time != null) {
			try {
				deviceTime = OffsetDateTime.parse(time).toInstant();
			}
			catch (DateTimeParseException | ArithmeticException ex) {
				return reject(channel, Reason.MALFORMED, deviceId, deviceCode + ": time 应为 ISO-8601 带时区");
			}
			if (deviceTime.isAfter(receivedAt.plus(CLOCK_AHEAD)) || deviceTime.isBefore(receivedAt.minus(BUFFERED))) {
				return reject(channel, Reason.MALFORMED, deviceId,
						deviceCode + ": time 超出合理范围 (不得晚于接收时间 1 天，不得早于 1 年)");
			}
		}
		String code = text(body, "code");
		String snapshotUrl = link(channel, deviceId, deviceCode, text(body, "snapshotUrl"));
		String clipUrl = link(channel, deviceId, deviceCode, text(body, "clipUrl"));
		Alarms.Raised raised = alarms
			.raise(new AlarmReport(device.deviceId(), eventId, clean(limit(code, 64)), deviceTime, receivedAt,
					snapshotUrl, clipUrl, clean(limit(text(body, "detail"), 500)), channel, withoutToken(text, body)));
		// an alarm shows the device is alive, too
		heartbeats.record(device.deviceId(), receivedAt);
		return new Accepted(raised.alarmId(), raised.duplicate());
	}

	/** Counts a message refused for its size (HTTP refuses it before reading it). */
	Rejected oversized(String channel, Long deviceId, long length) {
		return reject(channel, Reason.OVERSIZED, deviceId,
				(length < 0 ? "超过 " + maxPayload : length + " 字节，上限 " + maxPayload) + " 字节");
	}

	/** The largest payload accepted, in bytes. */
	int maxPayload() {
		return maxPayload;
	}

	/** The registered device with this code, if any (for attributing a refusal). */
	Long deviceIdOf(String deviceCode) {
		return deviceCode == null || !DEVICE_CODE.matcher(deviceCode).matches() ? null
				: credentials(deviceCode).map(DeviceCredentials::deviceId).orElse(null);
	}

	/**
	 * Counts a message refused before it could be read, e.g. on an unknown topic.
	 * @param deviceId the registered device it named, or {@code null}
	 * @param detail the platform's own words, never text chosen by the sender
	 */
	Rejected reject(String channel, Reason reason, Long deviceId, String detail) {
		counters.count(channel, reason, deviceId, detail);
		return new Rejected(reason, detail);
	}

	private String link(String channel, Long deviceId, String deviceCode, String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		if (links.allowed(link)) {
			return link.strip();
		}
		counters.count(channel, Reason.LINK_REFUSED, deviceId, deviceCode + ": 仅接受 http(s) 且为配置的视频服务器地址");
		return null;
	}

	/** Strict UTF-8 without NUL characters, or {@code null} (e.g. a UTF-16 body). */
	private static String utf8(byte[] payload) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(payload))
				.toString();
			return text.indexOf('\u0000') >= 0 || text.startsWith("\uFEFF") ? null : text;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/** The payload as stored: exactly as received, but never with the device token. */
	private String withoutToken(String text, JsonNode body) {
		if (!body.has("token")) {
			return text;
		}
		ObjectNode copy = ((ObjectNode) body).deepCopy();
		copy.remove("token");
		return json.writeValueAsString(copy);
	}

	/**
	 * Control characters (other than line breaks and tabs) are dropped from stored text.
	 */
	private static String clean(String text) {
		return text == null ? null : text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
	}

	/** Forgets what it knows of a device, e.g. after its token was reset. */
	void forget(String deviceCode) {
		cache.remove(deviceCode);
	}

	private Optional<DeviceCredentials> credentials(String code) {
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
