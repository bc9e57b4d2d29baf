package cn.hxay.identity;

import java.util.Collection;

import cn.hxay.shared.Actor;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The Spring Security principal, kept in the (database-backed) session. Its password hash
 * is erased after login.
 */
final class SignedInUser implements UserDetails, CredentialsContainer, Actor {

	private final CurrentUser user;

	private final boolean enabled;

	private final boolean locked;

	private final boolean mustChangePassword;

	private String passwordHash;

	SignedInUser(CurrentUser user, String passwordHash, boolean enabled, boolean locked) {
		this(user, passwordHash, enabled, locked, false);
	}

	SignedInUser(CurrentUser user, String passwordHash, boolean enabled, boolean locked, boolean mustChangePassword) {
		this.mustChangePassword = mustChangePassword;
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
	}

	CurrentUser user() {
		return user;
	}

	/**
	 * Whether the account had to replace a password someone else set when it signed in
	 * (checked again against the database until it has).
	 */
	boolean mustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return user.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String username() {
		return user.username();
	}

	@Override
	public long organisationId() {
		return user.organisationId();
	}

	@Override
	public String toString() {
		return "SignedInUser[" + user.username() + "]";
	}

}
