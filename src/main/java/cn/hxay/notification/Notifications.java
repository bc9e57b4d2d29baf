package cn.hxay.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.Violation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification module's API: configure webhooks, put notifications in the outbox with
 * the change that causes them, and deliver what is due. A delivery that fails (no answer,
 * or not 2xx) is retried with a growing pause (capped at one hour) until it is accepted.
 */
@Service
public class Notifications {

	private final WebhookStore store;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final Duration retryBase;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Notifications(WebhookStore store, AuditTrail audit, JsonMapper json, Clock clock, TransactionTemplate transactions,
			@Value("${hxay.webhooks.retry-base:PT10S}") Duration retryBase) {
		this.store = store;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
		this.transactions = transactions;
		this.retryBase = retryBase;
	}

	public List<Webhook> webhooks() {
		return store.all();
	}

	@Transactional
	public Webhook add(CurrentUser user, String name, String url, Set<EventType> types, String secret) {
		List<Violation> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 100) {
			problems.add(Violation.of("name", "请填写名称（100 字以内）"));
		}
		URI uri = null;
		try {
			uri = url == null ? null : URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
				|| url.length() > 500) {
			problems.add(Violation.of("url", "地址应为 http:// 或 https:// 开头的完整网址"));
		}
		if (secret != null && secret.length() > 100) {
			problems.add(Violation.of("secret", "签名密钥不能超过 100 字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = store.insert(name.strip(), url.strip(), types == null ? Set.of() : types,
				secret == null || secret.isBlank() ? null : secret.strip(), user.username(), clock.instant());
		audit.record("WEBHOOK_ADDED", "webhook", id, name.strip() + " " + uri.getHost());
		return get(id);
	}

	public Webhook get(long id) {
		return store.byId(id).orElseThrow(() -> new NotFoundException("推送地址不存在"));
	}

	@Transactional
	public void enable(long id, boolean enabled) {
		get(id);
		store.enable(id, enabled);
		audit.record(enabled ? "WEBHOOK_ENABLED" : "WEBHOOK_DISABLED", "webhook", id, get(id).name());
	}

	/**
	 * Puts a notification in the outbox of every webhook that wants it, in the caller's
	 * transaction: it is sent if and only if the change that caused it is saved.
	 */
	@Transactional
	public int notify(EventType type, String title, Map<String, ?> data) {
		Instant now = clock.instant();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", type.wireName());
		body.put("title", title);
		body.put("occurredAt", now.toString());
		body.put("data", data);
		String payload = json.writeValueAsString(body);
		int queued = 0;
		for (Webhook webhook : store.all()) {
			if (webhook.wants(type)) {
				store.enqueue(webhook.id(), type, title, payload, now);
				queued++;
			}
		}
		return queued;
	}

	@Transactional
	public int sendTest(long id) {
		Webhook webhook = get(id);
		Instant now = clock.instant();
		store.enqueue(webhook.id(), EventType.TEST, "护校安园平台测试消息",
				json.writeValueAsString(Map.of("event", EventType.TEST.wireName(), "title", "护校安园平台测试消息", "occurredAt",
						now.toString(), "data", Map.of("webhook", webhook.name()))),
				now);
		return 1;
	}

	public List<Delivery> recent(int limit) {
		return store.recent(limit);
	}

	public long pending() {
		return store.pending();
	}

	/**
	 * Delivers what is due, a batch at a time; the rows are locked with SKIP LOCKED, so
	 * several nodes share the work and none sends a delivery twice at once. Returns how
	 * many were accepted.
	 */
	public int dispatchDue() {
		Integer accepted = transactions.execute(status -> {
			int ok = 0;
			Map<Long, Webhook> hooks = new java.util.HashMap<>();
			for (Delivery d : store.lockDue(clock.instant(), 20)) {
				Webhook hook = hooks.computeIfAbsent(d.webhookId(), this::get);
				ok += send(hook, d) ? 1 : 0;
			}
			return ok;
		});
		return accepted == null ? 0 : accepted;
	}

	private boolean send(Webhook hook, Delivery d) {
		Integer status = null;
		String error;
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hook.url()))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json; charset=utf-8")
				.header("X-Hxay-Event", d.eventType())
				.header("X-Hxay-Delivery", Long.toString(d.id()))
				.POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8));
			if (hook.secret() != null) {
				request.header("X-Hxay-Signature", "sha256=" + sign(hook.secret(), d.payload()));
			}
			HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
			if (status / 100 == 2) {
				store.delivered(d.id(), status, clock.instant());
				return true;
			}
			error = "接收方返回 " + status;
		}
		catch (java.io.IOException | IllegalArgumentException ex) {
			error = "发送失败：" + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : " " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "发送被中断";
		}
		store.failed(d.id(), status, error, clock.instant().plus(backoff(d.attempts() + 1)));
		return false;
	}

	/**
	 * The pause before the next try: the base doubled per failed attempt, at most an
	 * hour.
	 */
	Duration backoff(int failedAttempts) {
		Duration pause = retryBase.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
		return pause.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : pause;
	}

	/** HMAC-SHA256 of the body with the webhook's secret, in hex. */
	public static String sign(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
