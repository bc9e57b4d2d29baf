package cn.hxay.portal;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import cn.hxay.identity.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the layout the navigation entries every module contributes
 * ({@link NavigationLinks}) that the signed-in user may see, and which of them is the
 * current page: the longest entry that is the request path or a parent of it
 * ("/devices/rates" is not under "/devices" 's entry once it has its own).
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

	/** The change-password link in the top bar, current like any entry. */
	static final String PASSWORD = "/account/password";

	private final List<NavLink> links;

	NavigationAdvice(List<NavigationLinks> contributions) {
		this.links = contributions.stream()
			.flatMap(c -> c.links().stream())
			.sorted(Comparator.comparingInt(NavLink::order))
			.toList();
	}

	/** Every entry's path, for the current-page rule. */
	List<String> paths() {
		return java.util.stream.Stream.concat(links.stream().map(NavLink::path), java.util.stream.Stream.of(PASSWORD))
			.toList();
	}

	@ModelAttribute("navLinks")
	List<NavLink> navLinks(HttpServletRequest request) {
		CurrentUser user = CurrentUser.signedIn().orElse(null);
		return user == null ? List.of() : links.stream().filter(link -> link.shownTo(user)).toList();
	}

	@ModelAttribute("navActive")
	String navActive(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return active(paths(), path);
	}

	static String active(List<String> paths, String path) {
		String best = null;
		for (String link : paths) {
			boolean matches = link.equals("/") ? path.equals("/") : path.equals(link) || path.startsWith(link + "/");
			if (matches && (best == null || link.length() > best.length())) {
				best = link;
			}
		}
		return best;
	}

}
