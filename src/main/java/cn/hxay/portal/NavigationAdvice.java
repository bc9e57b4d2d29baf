package cn.hxay.portal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout which navigation link is the current page: the longest link that is
 * the request path or a parent of it ("/devices/rates" is not under "/devices" 's link
 * once it has its own).
 */
@ControllerAdvice
class NavigationAdvice {

	/** Every link of the side and phone navigation. */
	static final List<String> LINKS = List.of("/", "/schools", "/compliance", "/inspections", "/hazards", "/devices",
			"/devices/rates", "/console", "/key-persons", "/warnings", "/venues", "/venue-violations", "/admin/regions",
			"/admin/organisations", "/admin/users", "/admin/rule-sets", "/admin/webhooks", "/admin/audit",
			"/swagger-ui.html", "/account/password");

	@ModelAttribute("navActive")
	String navActive(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return active(path);
	}

	static String active(String path) {
		String best = null;
		for (String link : LINKS) {
			boolean matches = link.equals("/") ? path.equals("/") : path.equals(link) || path.startsWith(link + "/");
			if (matches && (best == null || link.length() > best.length())) {
				best = link;
			}
		}
		return best;
	}

}
