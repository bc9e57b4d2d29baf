package cn.hxay.identity;

import java.util.Set;

import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.Organisations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the API caller is: lets a script check its credentials.
 */
@RestController
class MeApiController {

	private final Organisations organisations;

	MeApiController(Organisations organisations) {
		this.organisations = organisations;
	}

	record Me(String username, String displayName, Set<Role> roles, long organisationId, String organisationName) {
	}

	@GetMapping("/api/v1/me")
	Me me(CurrentUser user) {
		Organisation unit = organisations.get(user.organisationId());
		return new Me(user.username(), user.displayName(), user.roles(), unit.id(), unit.name());
	}

}
