package cn.hxay.identity;

import java.util.EnumSet;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.UnitPicker;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.web.PageLinks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account administration for system administrators.
 */
@Controller
class UserAdminController {

	private final UserAccounts accounts;

	private final Organisations organisations;

	UserAdminController(UserAccounts accounts, Organisations organisations) {
		this.accounts = accounts;
		this.organisations = organisations;
	}

	@GetMapping("/admin/users")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) UserState state, @RequestParam(required = false) Integer page,
			Model model) {
		Paged<UserSummary> users = accounts.search(q, organisationId, state, PageRequest.of(page, 20));
		model.addAttribute("state", state);
		model.addAttribute("states", UserState.values());
		model.addAttribute("users", users);
		model.addAttribute("units",
				organisations.byIds(users.items().stream().map(UserSummary::organisationId).toList()));
		model.addAttribute("q", q);
		model.addAttribute("links",
				PageLinks.to("/admin/users").with("q", q).with("organisationId", organisationId).with("state", state));
		return "identity/users";
	}

	@GetMapping("/admin/users/new")
	String newForm(Model model) {
		addChoices(model, null, null);
		return "identity/user-new";
	}

	@PostMapping("/admin/users/new")
	String open(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
			@RequestParam(required = false) Long organisationId, @RequestParam(required = false) Set<Role> roles,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String q, Model model,
			RedirectAttributes redirect) {
		try {
			UserSummary created = accounts.openForHolder(new NewUserAccount(username, displayName, password,
					organisationId == null ? 0 : organisationId, roles, phone));
			redirect.addFlashAttribute("notice", "已创建用户 " + created.username() + "；该用户首次登录须修改密码");
			return "redirect:/admin/users/" + created.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			model.addAttribute("chosenRoles", roles == null ? Set.of() : roles);
			addChoices(model, q, organisationId);
			return "identity/user-new";
		}
	}

	@GetMapping("/admin/users/{id}")
	String edit(@PathVariable long id, Model model) {
		UserSummary user = accounts.get(id);
		model.addAttribute("user", user);
		model.addAttribute("unit", organisations.get(user.organisationId()));
		model.addAttribute("allRoles", Role.values());
		return "identity/user-edit";
	}

	@PostMapping("/admin/users/{id}")
	String change(@PathVariable long id, @RequestParam int version, @RequestParam String displayName,
			@RequestParam(required = false) Set<Role> roles, @RequestParam(required = false) String phone,
			@RequestParam(defaultValue = "false") boolean enabled, Model model, RedirectAttributes redirect) {
		try {
			accounts.change(id, version, displayName, roles == null ? EnumSet.noneOf(Role.class) : roles, phone,
					enabled);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			return edit(id, model);
		}
		redirect.addFlashAttribute("notice", "已保存");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password, Model model,
			RedirectAttributes redirect) {
		try {
			accounts.resetPassword(id, password);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", Map.of("password", ex.getMessage()));
			return edit(id, model);
		}
		redirect.addFlashAttribute("notice", "密码已重置，账户已解锁");
		return "redirect:/admin/users/" + id;
	}

	/**
	 * An administrator gives the account a new one-time password: shown on this answer
	 * only (not kept in the session or anywhere else), to be changed at the next sign-in.
	 */
	@PostMapping("/admin/users/{id}/one-time-password")
	String oneTimePassword(@PathVariable long id, @RequestParam(required = false) String confirm, Model model,
			HttpServletResponse response) {
		try {
			String password = accounts.resetToOneTimePassword(id, confirm);
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("oneTimePassword", password);
			model.addAttribute("notice", "已重置为一次性密码并解除锁定；该用户下次登录须修改密码");
			return edit(id, model);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			return edit(id, model);
		}
	}

	private void addChoices(Model model, String q, Long organisationId) {
		model.addAttribute("picker", UnitPicker.of(organisations, "organisationId", q, List.of(), organisationId));
		model.addAttribute("allRoles", Role.values());
	}

}
