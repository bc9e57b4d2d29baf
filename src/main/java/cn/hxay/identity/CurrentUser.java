package cn.hxay.identity;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import cn.hxay.shared.Actor;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

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

	/**
	 * The user signed in on the current request, if any (for model advice and views that
	 * are not handlers; handlers declare a {@code CurrentUser} parameter instead).
	 */
	public static Optional<CurrentUser> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
				? Optional.of(user.user()) : Optional.empty();
	}

}
