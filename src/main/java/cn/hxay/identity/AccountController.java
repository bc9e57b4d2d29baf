package cn.hxay.identity;

import cn.hxay.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own account: changing the password.
 */
@Controller
class AccountController {

	private final UserAccounts accounts;

	AccountController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(CurrentUser user, @RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String repeatedPassword, Model model, RedirectAttributes redirect) {
		try {
			accounts.changeOwnPassword(user, currentPassword, newPassword, repeatedPassword);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			return "identity/password";
		}
		redirect.addFlashAttribute("notice", "密码已修改");
		return "redirect:/account/password";
	}

}
