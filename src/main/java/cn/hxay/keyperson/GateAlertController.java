package cn.hxay.keyperson;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A gate alert's link for the police: opens the key person it is about (the school never
 * has this link).
 */
@Controller
class GateAlertController {

	private final KeyPersonWatchList watchList;

	GateAlertController(KeyPersonWatchList watchList) {
		this.watchList = watchList;
	}

	@GetMapping("/key-persons/gate-alerts/{id}")
	String open(@PathVariable long id, CurrentUser user, DataScope scope) {
		return "redirect:/key-persons/" + watchList.alertPerson(user, scope, id).id();
	}

}
