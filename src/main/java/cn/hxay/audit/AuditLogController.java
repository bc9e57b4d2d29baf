package cn.hxay.audit;

import java.time.LocalDate;

import cn.hxay.shared.AccessRules;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.web.PageLinks;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page, for system administrators.
 */
@Controller
class AuditLogController {

	private final AuditLog log;

	AuditLogController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("entries", log.search(actor, action, from, to, PageRequest.of(page, 50)));
		model.addAttribute("actions", log.actions());
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("links",
				PageLinks.to("/admin/audit")
					.with("actor", actor)
					.with("action", action)
					.with("from", from)
					.with("to", to));
		return "audit/list";
	}

	@Component
	static class Rules implements AccessRules {

		@Override
		public void declare(
				AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
			requests.requestMatchers("/admin/audit", "/admin/audit/**").hasRole("SYSTEM_ADMIN");
		}

	}

}
