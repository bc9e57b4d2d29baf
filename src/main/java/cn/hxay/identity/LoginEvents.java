package cn.hxay.identity;

import cn.hxay.audit.AuditTrail;

import org.springframework.context.event.EventListener;
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

	LoginEvents(UserAccounts accounts, AuditTrail audit) {
		this.accounts = accounts;
		this.audit = audit;
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
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		Long organisationId = event.getAuthentication().getPrincipal() instanceof SignedInUser user
				? user.organisationId() : null;
		audit.recordFor(event.getAuthentication().getName(), organisationId, "LOGIN_SUCCEEDED", "登录成功");
	}

}
