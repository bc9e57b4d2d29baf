package cn.hxay.identity;

import java.util.Set;

/**
 * An account as administrators see it; never carries the password hash.
 */
public record UserSummary(long id, String username, String displayName, long organisationId, Set<Role> roles,
		String phone, boolean enabled, boolean locked, int version) {
}
