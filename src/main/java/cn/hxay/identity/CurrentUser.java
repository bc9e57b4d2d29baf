package cn.hxay.identity;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;

import cn.hxay.shared.Actor;

/**
 * The signed-in user as handlers see it: declare a parameter of this type to receive it.
 */
public record CurrentUser(long id, String username, String displayName, long organisationId,
		Set<Role> roles) implements Actor, Serializable {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public boolean hasAnyRole(Role... wanted) {
		return Arrays.stream(wanted).anyMatch(roles::contains);
	}

	/**
	 * Whether every role of this user is read-only ({@link Role#readOnly()}): the
	 * platform refuses all their writes, so pages offer them no write buttons.
	 */
	public boolean readOnly() {
		return !roles.isEmpty() && roles.stream().allMatch(Role::readOnly);
	}

}
