package cn.hxay.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.shared.AccessRules;
import cn.hxay.shared.InvalidInputException;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators configure webhooks and watch deliveries. */
@Controller
class WebhookController {

	private final Notifications notifications;

	WebhookController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/admin/webhooks")
	String list(Model model) {
		List<Webhook> hooks = notifications.webhooks();
		model.addAttribute("webhooks", hooks);
		model.addAttribute("names", hooks.stream().collect(Collectors.toMap(Webhook::id, Webhook::name)));
		model.addAttribute("types", EventType.values());
		model.addAttribute("deliveries", notifications.recent(50));
		model.addAttribute("pending", notifications.pending());
		model.addAttribute("labels", java.util.Arrays.stream(EventType.values())
			.collect(Collectors.toMap(EventType::wireName, EventType::label)));
		return "notification/webhooks";
	}

	@PostMapping("/admin/webhooks")
	String add(CurrentUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String url, @RequestParam(required = false) List<EventType> types,
			@RequestParam(required = false) String secret, Model model, RedirectAttributes redirect) {
		try {
			Set<EventType> wanted = types == null || types.isEmpty() ? Set.of() : EnumSet.copyOf(types);
			Webhook hook = notifications.add(user, name, url, wanted, secret);
			redirect.addFlashAttribute("notice", "已添加推送地址“" + hook.name() + "”");
			return "redirect:/admin/webhooks";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			model.addAttribute("typed", Map.of("name", name == null ? "" : name, "url", url == null ? "" : url));
			return list(model);
		}
	}

	@PostMapping("/admin/webhooks/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		notifications.enable(id, enabled);
		redirect.addFlashAttribute("notice", enabled ? "已启用" : "已停用");
		return "redirect:/admin/webhooks";
	}

	@PostMapping("/admin/webhooks/{id}/test")
	String test(@PathVariable long id, RedirectAttributes redirect) {
		notifications.sendTest(id);
		redirect.addFlashAttribute("notice", "测试消息已排队，几秒内发出；结果见下方发送记录");
		return "redirect:/admin/webhooks";
	}

	@Component
	static class Rules implements AccessRules {

		@Override
		public void declare(
				AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
			requests.requestMatchers("/admin/webhooks", "/admin/webhooks/**").hasRole(Role.SYSTEM_ADMIN.name());
		}

	}

}
