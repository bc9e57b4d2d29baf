package cn.hxay.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A user account and its login-failure state. The lockout rule lives here: five failed
 * logins in a row lock the account for fifteen minutes; a lock that has run out is
 * forgotten at the next attempt, and so are failures followed by fifteen quiet minutes
 * (they were not "in a row"). An account whose password was set by someone else (opened
 * in bulk or one by one by an administrator, reset by an administrator) must get a new
 * one from its holder first.
 */
record UserAccount(long id, String username, String displayName, String passwordHash, long organisationId,
		Set<Role> roles, String phone, boolean enabled, int failedAttempts, Instant lockedUntil, int version,
		boolean mustChangePassword, Instant lastLoginAt) {

	UserAccount(long id, String username, String displayName, String passwordHash, long organisationId, Set<Role> roles,
			String phone, boolean enabled, int failedAttempts, Instant lockedUntil, int version) {
		this(id, username, displayName, passwordHash, organisationId, roles, phone, enabled, failedAttempts,
				lockedUntil, version, false, null);
	}

	static final int MAX_FAILED_ATTEMPTS = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	/** The state after one more failed login at {@code now}. */
	UserAccount afterFailedLogin(Instant now) {
		if (isLockedAt(now)) {
			return this;
		}
		int attempts = (lockedUntil != null ? 0 : failedAttempts) + 1;
		Instant lock = attempts >= MAX_FAILED_ATTEMPTS ? now.plus(LOCK_DURATION) : null;
		return new UserAccount(id, username, displayName, passwordHash, organisationId, roles, phone, enabled,
				lock != null ? 0 : attempts, lock, version, mustChangePassword, lastLoginAt);
	}

	/**
	 * The count as it stands at {@code now}, when the last failure was at
	 * {@code lastFailure}: after a quiet spell as long as the lock the count starts
	 * again.
	 */
	UserAccount afterQuietSince(Instant lastFailure, Instant now) {
		if (failedAttempts == 0 || lastFailure == null || now.isBefore(lastFailure.plus(LOCK_DURATION))) {
			return this;
		}
		return new UserAccount(id, username, displayName, passwordHash, organisationId, roles, phone, enabled, 0,
				lockedUntil, version, mustChangePassword, lastLoginAt);
	}

	CurrentUser asCurrentUser() {
		return new CurrentUser(id, username, displayName, organisationId, roles);
	}

}
