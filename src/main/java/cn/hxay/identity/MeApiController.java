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
@io.swagger.v3.oas.annotations.tags.Tag(name = "当前用户", description = "调用者本人的账号、角色与所属单位，供脚本核对凭据")
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
