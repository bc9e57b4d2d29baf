package cn.hxay.identity;

import java.util.Set;

/**
 * Input for opening an account.
 */
public record NewUserAccount(String username, String displayName, String password, long organisationId, Set<Role> roles,
		String phone) {

	public NewUserAccount {
		username = username == null ? null : username.strip();
		displayName = displayName == null ? null : displayName.strip();
		phone = phone == null || phone.isBlank() ? null : phone.strip();
		roles = roles == null ? Set.of() : Set.copyOf(roles);
	}

}
