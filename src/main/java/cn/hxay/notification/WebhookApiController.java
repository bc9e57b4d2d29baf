package cn.hxay.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.shared.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks for other systems (system administrators only). Receivers get {@code POST}
 * JSON {@code {"event","title","occurredAt","data"}} with the headers
 * {@code X-Hxay-Event}, {@code X-Hxay-Delivery} and, when a secret is set,
 * {@code X-Hxay-Signature}.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "消息推送", description = "报警、设备离线、隐患督办推送到短信/消息网关（失败自动重试直到送达）")
class WebhookApiController {

	private final Notifications notifications;

	WebhookApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	/**
	 * A webhook to add.
	 *
	 * @param events event types wanted (e.g. {@code ALARM_RAISED}); empty or absent for
	 * all
	 */
	record NewWebhook(String name, String url, List<EventType> events, String secret) {
	}

	/** A webhook as the API shows it (never its secret). */
	record WebhookResource(long id, String name, String url, Set<EventType> events, boolean signed, boolean enabled) {

		static WebhookResource of(Webhook w) {
			return new WebhookResource(w.id(), w.name(), w.url(), w.eventTypes(), w.secret() != null, w.enabled());
		}

	}

	@GetMapping
	@Operation(summary = "推送地址列表")
	List<WebhookResource> list() {
		return notifications.webhooks().stream().map(WebhookResource::of).toList();
	}

	@PostMapping
	@Operation(summary = "添加推送地址")
	ResponseEntity<WebhookResource> add(CurrentUser user, @RequestBody NewWebhook body) {
		Set<EventType> events = body.events() == null || body.events().isEmpty() ? Set.of()
				: EnumSet.copyOf(body.events());
		String name = body.name() == null || body.name().isBlank() ? body.url() : body.name();
		return ResponseEntity.status(201)
			.body(WebhookResource.of(notifications.add(user, name, body.url(), events, body.secret())));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "停用推送地址", description = "停用后不再产生新的推送；已排队的推送仍会送达")
	ResponseEntity<Void> disable(@PathVariable long id) {
		notifications.enable(id, false);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/deliveries")
	@Operation(summary = "最近的推送、尝试次数与结果")
	List<Delivery> deliveries() {
		return notifications.recent(100);
	}

	@Component
	static class Rules implements AccessRules {

		@Override
		public void declare(
				AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
			requests.requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**").hasRole(Role.SYSTEM_ADMIN.name());
		}

	}

}
