package cn.hxay.identity;

import java.util.List;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place where a request's data scope is worked out: handlers declare a
 * {@link CurrentUser} or a {@link DataScope} parameter and receive the signed-in user and
 * the subtree of their unit. The scope is computed once per request.
 */
@Configuration(proxyBeanMethods = false)
class SignedInArguments implements WebMvcConfigurer {

	private static final String SCOPE_ATTRIBUTE = SignedInArguments.class.getName() + ".scope";

	private final Organisations organisations;

	SignedInArguments(Organisations organisations) {
		this.organisations = organisations;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == CurrentUser.class
						|| parameter.getParameterType() == DataScope.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
					NativeWebRequest request, WebDataBinderFactory binders) {
				CurrentUser user = currentUser();
				if (parameter.getParameterType() == CurrentUser.class) {
					return user;
				}
				HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
				Object cached = http == null ? null : http.getAttribute(SCOPE_ATTRIBUTE);
				if (cached instanceof DataScope scope) {
					return scope;
				}
				DataScope scope = organisations.scopeOf(user.organisationId(), user.hasRole(Role.SYSTEM_ADMIN));
				if (http != null) {
					http.setAttribute(SCOPE_ATTRIBUTE, scope);
				}
				return scope;
			}
		});
	}

	static CurrentUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return user.user();
		}
		throw new InsufficientAuthenticationException("请先登录");
	}

}
