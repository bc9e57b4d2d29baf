package cn.hxay.alarm;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook targets for alarms and device outages, for system administrators. Each target
 * receives {@code POST} JSON with the header {@code X-Hxay-Event: ALARM} or
 * {@code DEVICE_OFFLINE}, retried until it answers 2xx.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "报警推送", description = "报警与设备离线推送到短信/消息网关 (失败自动重试直到送达)")
class WebhookApiController {

	private final Webhooks webhooks;

	WebhookApiController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	record NewTarget(String url) {
	}

	@GetMapping
	@Operation(summary = "推送地址列表")
	List<Webhooks.Target> list() {
		return webhooks.targets();
	}

	@PostMapping
	@Operation(summary = "添加推送地址")
	ResponseEntity<Webhooks.Target> add(@RequestBody NewTarget target) {
		return ResponseEntity.status(201).body(webhooks.add(target.url()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "删除推送地址", description = "未送达的推送一并删除")
	ResponseEntity<Void> remove(@PathVariable long id) {
		webhooks.remove(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/deliveries")
	@Operation(summary = "最近的推送及其尝试次数")
	List<Map<String, Object>> deliveries() {
		return webhooks.recent(100);
	}

}
