package cn.hxay.identity;

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
		return CurrentUser.signedIn().orElse(null);
	}

}
