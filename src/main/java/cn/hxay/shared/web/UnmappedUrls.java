package cn.hxay.shared.web;

import cn.hxay.shared.AccessRules;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * An address no controller answers is not a thing anyone may be refused: a signed-in
 * caller gets 404 (in Chinese) rather than the 403 of deny-by-default, while a mapped
 * address that no module's rule names stays denied and anonymous callers still have to
 * sign in first.
 */
@Component
class UnmappedUrls implements AccessRules {

	private final ObjectProvider<HandlerMapping> controllers;

	UnmappedUrls(@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> controllers) {
		this.controllers = controllers;
	}

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(this::unmapped).authenticated();
	}

	private boolean unmapped(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/actuator")) {
			return false;
		}
		HandlerMapping mapping = controllers.getIfAvailable();
		if (!(mapping instanceof RequestMappingHandlerMapping)) {
			return false;
		}
		Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		ServletRequestPathUtils.parseAndCache(request);
		try {
			return mapping.getHandler(request) == null;
		}
		catch (Exception ex) {
			// the address exists but not for this method or content type
			return false;
		}
		finally {
			if (parsed == null) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
			else {
				request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
			}
		}
	}

}
