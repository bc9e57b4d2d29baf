package cn.hxay.identity;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads accounts for login; a locked or disabled account is refused before its password
 * is checked.
 */
@Component
class AccountDetailsService implements UserDetailsService {

	private final UserAccountStore store;

	private final Clock clock;

	AccountDetailsService(UserAccountStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = store.byUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return new SignedInUser(account.asCurrentUser(), account.passwordHash(), account.enabled(),
				account.isLockedAt(clock.instant()), account.mustChangePassword());
	}

}
