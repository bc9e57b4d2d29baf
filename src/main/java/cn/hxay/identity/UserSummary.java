package cn.hxay.identity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;

import cn.hxay.shared.PlatformTime;

/**
 * An account as administrators see it; never carries the password hash.
 *
 * @param mustChangePassword the password was set by someone else (bulk opening, reset)
 * and must be changed at the next sign-in
 * @param lastLoginAt the last sign-in on the pages, or {@code null} for never
 */
public record UserSummary(long id, String username, String displayName, long organisationId, Set<Role> roles,
		String phone, boolean enabled, boolean locked, int version, boolean mustChangePassword, Instant lastLoginAt) {

	/** The last sign-in in China Standard Time, for display. */
	public LocalDateTime lastLogin() {
		return lastLoginAt == null ? null : LocalDateTime.ofInstant(lastLoginAt, PlatformTime.ZONE);
	}

}
