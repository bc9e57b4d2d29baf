package cn.hxay.identity;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The Chinese page for a request the security rules refused (the pages chain forwards
 * here), naming the reason when a read-only role tried to write.
 */
@Controller
class ForbiddenController {

	static final String PATH = "/forbidden";

	private final cn.hxay.audit.AuditTrail audit;

	ForbiddenController(cn.hxay.audit.AuditTrail audit) {
		this.audit = audit;
	}

	@RequestMapping(PATH)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(HttpServletRequest request, Model model) {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		model.addAttribute("status", 403);
		model.addAttribute("error", "无权操作");
		boolean readOnly = ReadOnlyRoles.refusedWrite(request);
		if (readOnly) {
			ReadOnlyRoles.auditRefusal(audit, request);
		}
		model.addAttribute("message", readOnly ? ReadOnlyRoles.reason(user) : "您无权访问该页面或执行该操作。");
		return "error";
	}

}
