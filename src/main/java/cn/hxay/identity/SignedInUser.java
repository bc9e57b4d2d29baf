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

	private String passwordHash;

	SignedInUser(CurrentUser user, String passwordHash, boolean enabled, boolean locked) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
	}

	CurrentUser user() {
		return user;
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
