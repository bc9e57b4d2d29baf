package cn.hxay.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.hxay.shared.AccessRules;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Two filter chains: the JSON API under {@code /api} signs in with HTTP Basic on every
 * call (no session, so no CSRF token), the pages with a form login and a database-backed
 * session. Both first refuse writes by read-only roles ({@link ReadOnlyRoles}), then
 * apply every module's {@link AccessRules}, and then deny whatever no rule names.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * BCrypt at cost 10 ({@code hxay.security.bcrypt-cost}); the test suite sets 4, since
	 * it signs in thousands of times and what it tests does not depend on the cost.
	 */
	@Bean
	PasswordEncoder passwordEncoder(
			@org.springframework.beans.factory.annotation.Value("${hxay.security.bcrypt-cost:10}") int cost) {
		return new BCryptPasswordEncoder(cost);
	}

	@Bean
	AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events, LoginThrottle throttle) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwordEncoder);
		// the password is always checked first (an unknown name against a dummy hash), so
		// a
		// locked, disabled or unknown account takes as long as a wrong password and
		// answers
		// the same
		provider.setPreAuthenticationChecks(account -> {
		});
		provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		ProviderManager manager = new ProviderManager(new ThrottledLogin(provider, throttle));
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, List<AccessRules> rules, AuthenticationManager authenticationManager,
			LoginThrottle throttle, cn.hxay.audit.AuditTrail audit, UserAccounts accounts) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			if (ex instanceof ThrottledLogin.Refused) {
				response.setStatus(429);
				response.setHeader("Retry-After", Long.toString(throttle.window().toSeconds()));
				response.getWriter()
					.write("{\"status\":429,\"title\":\"请稍后再试\",\"detail\":\"" + ThrottledLogin.WAIT + "\"}");
				return;
			}
			// one answer for an unknown name, a wrong password, a locked and a disabled
			// account: it never tells which names exist
			response.setStatus(401);
			response.setHeader("WWW-Authenticate", "Basic realm=\"hxay\"");
			response.getWriter().write("{\"status\":401,\"title\":\"未认证\",\"detail\":\"需要有效的用户名和密码 (HTTP Basic)\"}");
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> {
			Authentication user = SecurityContextHolder.getContext().getAuthentication();
			boolean readOnly = ReadOnlyRoles.refusedWrite(request);
			if (readOnly) {
				ReadOnlyRoles.auditRefusal(audit, request);
			}
			String detail = readOnly ? ReadOnlyRoles.reason(user) : "无权访问此接口或执行此操作";
			response.setStatus(403);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write("{\"status\":403,\"title\":\"无权操作\",\"detail\":\"" + detail + "\"}");
		};
		http.securityMatcher("/api/**").authenticationManager(authenticationManager).authorizeHttpRequests(requests -> {
			requests.requestMatchers(new ReadOnlyRoles()).denyAll();
			rules.forEach(rule -> rule.declare(requests));
			requests.anyRequest().denyAll();
		})
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterAfter(new FirstPasswordFilter(accounts, true), AuthorizationFilter.class)
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, List<AccessRules> rules, AuthenticationManager authenticationManager,
			UserAccounts accounts) throws Exception {
		// one answer whatever failed, so the page never tells which names exist; only a
		// source that must wait is told so
		AuthenticationFailureHandler failure = (request, response, ex) -> response.sendRedirect(
				request.getContextPath() + "/login?error=" + (ex instanceof ThrottledLogin.Refused ? "wait" : "bad"));
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		forbidden.setErrorPage(ForbiddenController.PATH);
		http.authenticationManager(authenticationManager).authorizeHttpRequests(requests -> {
			requests.requestMatchers(new ReadOnlyRoles()).denyAll();
			requests.requestMatchers("/login", "/setup", "/error", ForbiddenController.PATH, "/favicon.ico")
				.permitAll();
			requests.requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**").permitAll();
			requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
			rules.forEach(rule -> rule.declare(requests));
			requests.anyRequest().denyAll();
		})
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failure))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(forbidden))
			.addFilterAfter(new FirstPasswordFilter(accounts, false), AuthorizationFilter.class)
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		return http.build();
	}

}
