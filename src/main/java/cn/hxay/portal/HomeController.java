package cn.hxay.portal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.hxay.alarm.Devices;
import cn.hxay.alarm.NetworkingRate;
import cn.hxay.alarm.RateLevel;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.AccessRules;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: who is signed in, for which unit, and the schools in that unit's scope
 * at a glance.
 */
@Controller
class HomeController {

	private final Organisations organisations;

	private final SchoolRegistry schools;

	private final HazardLedger hazards;

	private final Devices devices;

	HomeController(Organisations organisations, SchoolRegistry schools, HazardLedger hazards, Devices devices) {
		this.organisations = organisations;
		this.hazards = hazards;
		this.devices = devices;
		this.schools = schools;
	}

	@GetMapping("/")
	String home(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("unit", organisations.get(user.organisationId()));
		var statistics = schools.statistics(scope);
		model.addAttribute("statistics", statistics);
		Map<String, String> regionNames = organisations.regions()
			.stream()
			.collect(Collectors.toMap(Region::code, Region::name));
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("regionLabels",
				statistics.byRegion().keySet().stream().map(code -> regionNames.getOrDefault(code, code)).toList());
		model.addAttribute("hazards", hazards.totals(scope));
		List<NetworkingRate> byCounty = devices.rates(scope, RateLevel.COUNTY, null, null);
		long required = byCounty.stream().mapToLong(NetworkingRate::required).sum();
		long online = byCounty.stream().mapToLong(NetworkingRate::online).sum();
		model.addAttribute("networking", new NetworkingRate("", "合计",
				byCounty.stream().mapToLong(NetworkingRate::devices).sum(), required, online));
		model.addAttribute("networkingByCounty", byCounty);
		schools.ofUnit(scope, user.organisationId()).ifPresent(school -> model.addAttribute("ownSchool", school));
		return "portal/home";
	}

	@Component
	static class Rules implements AccessRules {

		@Override
		public void declare(
				AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
			requests.requestMatchers("/").authenticated();
		}

	}

}
