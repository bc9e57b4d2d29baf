package cn.hxay.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Asks the {@link LoginThrottle} before the password is checked: a throttled source is
 * refused at once, its attempt neither checked nor counted against the account (no
 * failure event is published for {@link Refused}).
 */
final class ThrottledLogin implements AuthenticationProvider {

	static final String WAIT = "登录失败次数过多，请稍后再试";

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledLogin(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		if (throttle.throttled(source(authentication), authentication.getName())) {
			throw new Refused();
		}
		return passwords.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return passwords.supports(authentication);
	}

	/** The client address of a sign-in attempt, if it came over HTTP. */
	static String source(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

	/** A sign-in refused because its source must wait. */
	static final class Refused extends AuthenticationException {

		Refused() {
			super(WAIT);
		}

	}

}
