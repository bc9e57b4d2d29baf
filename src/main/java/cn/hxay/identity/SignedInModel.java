package cn.hxay.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user into every page's model as {@code me}, so the layout can show
 * the name and the menu entries the user's roles allow.
 */
@ControllerAdvice(annotations = Controller.class)
class SignedInModel {

	@ModelAttribute("me")
	CurrentUser me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user.user()
				: null;
	}

}
