package cn.hxay.identity;

import java.util.Set;

import cn.hxay.organisation.NewOrganisation;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.RegionLevel;
import cn.hxay.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * First start outside demo mode: there are no default passwords, so the first
 * administrator names the city and sets their own password here. The page is gone once
 * any account exists.
 */
@Controller
class SetupController {

	private final UserAccounts accounts;

	private final Organisations organisations;

	private final TransactionTemplate transactions;

	SetupController(UserAccounts accounts, Organisations organisations, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.transactions = transactions;
	}

	@GetMapping("/setup")
	String form() {
		return accounts.anyExist() ? "redirect:/login" : "identity/setup";
	}

	@PostMapping("/setup")
	String setUp(@RequestParam String cityCode, @RequestParam String cityName, @RequestParam String unitName,
			@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
			@RequestParam String repeatedPassword, Model model) {
		if (accounts.anyExist()) {
			return "redirect:/login";
		}
		try {
			if (!password.equals(repeatedPassword)) {
				throw new InvalidInputException("repeatedPassword", "两次输入的密码不一致");
			}
			transactions.executeWithoutResult(status -> {
				if (organisations.regions().stream().noneMatch(r -> r.code().equals(cityCode))) {
					organisations.addRegion(cityCode, cityName, RegionLevel.CITY, null);
				}
				Organisation platform = organisations
					.add(new NewOrganisation(unitName, OrganisationKind.PLATFORM, cityCode, null));
				accounts.openFirstAdministrator(new NewUserAccount(username, displayName, password, platform.id(),
						Set.of(Role.SYSTEM_ADMIN), null));
			});
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			return "identity/setup";
		}
		return "redirect:/login?setup";
	}

}
