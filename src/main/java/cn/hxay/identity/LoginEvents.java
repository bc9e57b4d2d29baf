package cn.hxay.identity;

import cn.hxay.audit.AuditTrail;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins towards the lockout and writes every login outcome to the audit
 * log. API calls sign in on every request, so only interactive (page) logins are audited
 * as successes; failures are audited on both paths.
 */
@Component
class LoginEvents {

	private final UserAccounts accounts;

	private final AuditTrail audit;

	private final LoginThrottle throttle;

	LoginEvents(UserAccounts accounts, AuditTrail audit, LoginThrottle throttle) {
		this.accounts = accounts;
		this.audit = audit;
		this.throttle = throttle;
	}

	/** Every refused sign-in counts against its source, whatever the reason. */
	@EventListener
	void countAgainstSource(AbstractAuthenticationFailureEvent event) {
		String source = ThrottledLogin.source(event.getAuthentication());
		if (throttle.failed(source, event.getAuthentication().getName())) {
			audit.recordFor(event.getAuthentication().getName(), null, "LOGIN_THROTTLED",
					"来源 " + source + " 登录失败次数过多，" + throttle.window().toMinutes() + " 分钟内不再受理其登录");
		}
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		boolean lockedNow = accounts.recordFailedLogin(username);
		audit.recordFor(username, null, "LOGIN_FAILED", "用户名或密码错误");
		if (lockedNow) {
			audit.recordFor(username, null, "ACCOUNT_LOCKED", "连续 " + UserAccount.MAX_FAILED_ATTEMPTS + " 次登录失败，锁定 "
					+ UserAccount.LOCK_DURATION.toMinutes() + " 分钟");
		}
	}

	@EventListener
	void refusedLocked(AuthenticationFailureLockedEvent event) {
		audit.recordFor(event.getAuthentication().getName(), null, "LOGIN_REFUSED", "账户已锁定");
	}

	@EventListener
	void refusedDisabled(AuthenticationFailureDisabledEvent event) {
		audit.recordFor(event.getAuthentication().getName(), null, "LOGIN_REFUSED", "账户已停用");
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		accounts.recordSuccessfulLogin(event.getAuthentication().getName());
		throttle.succeeded(ThrottledLogin.source(event.getAuthentication()), event.getAuthentication().getName());
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		Long organisationId = event.getAuthentication().getPrincipal() instanceof SignedInUser user
				? user.organisationId() : null;
		accounts.recordSignedIn(event.getAuthentication().getName());
		audit.recordFor(event.getAuthentication().getName(), organisationId, "LOGIN_SUCCEEDED", "登录成功");
	}

}
