package cn.hxay.visitor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The gate pages, phone and tablet first: the gatekeeper's check-in with today's
 * visitors, pre-registration, the ban list, pick-up cards (kindergartens); the figures of
 * each school for bureaus and police, and the gate alerts for police.
 */
@Controller
class VisitController {

	private static final Map<String, String> LABELS = Map.of("preRegistration", "预约编号", "expectedOn",
			"来访日期（格式 yyyy-MM-dd）");

	private final Visits visits;

	private final Clock clock;

	VisitController(Visits visits, Clock clock) {
		this.visits = visits;
		this.clock = clock;
	}

	record BanForm(String name, String idNumber, String reason) {
	}

	record PickupCheckForm(String cardNo, String idNumber) {
	}

	@GetMapping("/visits")
	String today(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("form", CheckIn.empty());
		return page(user, scope, model);
	}

	@PostMapping("/visits")
	String checkIn(CurrentUser user, DataScope scope, @ModelAttribute("form") CheckIn form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			CheckInResult result = visits.checkIn(user, scope, form);
			if (result.refused()) {
				model.addAttribute("refused", CheckInResult.REFUSED);
				model.addAttribute("form", CheckIn.empty());
				return page(user, scope, model);
			}
			redirect.addFlashAttribute("notice", result.visit().name() + " " + result.message());
			return "redirect:/visits";
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			response.setStatus(ex instanceof InvalidInputException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			model.addAttribute("errors", ex instanceof InvalidInputException invalid ? invalid.byField()
					: Map.of("preRegistration", ex.getMessage()));
			model.addAttribute("form", form != null ? form : CheckIn.empty());
			return page(user, scope, model);
		}
	}

	@PostMapping("/visits/{id}/check-out")
	String checkOut(@PathVariable long id, CurrentUser user, DataScope scope, RedirectAttributes redirect) {
		try {
			Visit v = visits.checkOut(user, scope, id);
			redirect.addFlashAttribute("notice", v.name() + " 已离校");
		}
		catch (ConcurrentEditException ex) {
			redirect.addFlashAttribute("notice", "该访客已不在校内");
		}
		return "redirect:/visits";
	}

	private String page(CurrentUser user, DataScope scope, Model model) {
		LocalDate today = PlatformTime.today(clock);
		model.addAttribute("today", today);
		Optional<School> own = visits.ownSchool(user, scope);
		model.addAttribute("school", own.orElse(null));
		model.addAttribute("seesAlerts", Visits.seesAlerts(user));
		if (own.isPresent()) {
			List<Visit> day = visits.day(own.get(), today);
			model.addAttribute("expected", day.stream().filter(Visit::expected).toList());
			model.addAttribute("inside", day.stream().filter(Visit::inside).toList());
			model.addAttribute("done", day.stream().filter(v -> !v.inside() && !v.expected()).toList());
			model.addAttribute("kindergarten", Visits.kindergarten(own.get()));
		}
		else {
			model.addAttribute("figures", visits.figures(scope, today));
		}
		return "visitor/today";
	}

	@GetMapping("/visits/pre-register")
	String preRegisterForm(CurrentUser user, DataScope scope, Model model) {
		mustWork(user, scope);
		model.addAttribute("form", PreRegistration.empty());
		model.addAttribute("today", PlatformTime.today(clock));
		return "visitor/pre-register";
	}

	@PostMapping("/visits/pre-register")
	String preRegister(CurrentUser user, DataScope scope, @ModelAttribute("form") PreRegistration form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			Visit v = visits.preRegister(user, scope, form);
			redirect.addFlashAttribute("notice", "已预约：" + v.name() + "（" + v.expectedOn() + "）");
			return "redirect:/visits";
		}
		catch (InvalidInputException ex) {
			FormBinding.showAgain(ex, form != null ? form : PreRegistration.empty(), binding, model, response);
			model.addAttribute("typedExpectedOn", FormBinding.typed(binding, "expectedOn"));
			model.addAttribute("today", PlatformTime.today(clock));
			return "visitor/pre-register";
		}
	}

	@GetMapping("/visits/bans")
	String bans(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("bans", visits.bans(user, scope));
		model.addAttribute("form", new BanForm(null, null, null));
		return "visitor/bans";
	}

	@PostMapping("/visits/bans")
	String ban(CurrentUser user, DataScope scope, @ModelAttribute("form") BanForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			visits.ban(user, scope, form == null ? null : form.name(), form == null ? null : form.idNumber(),
					form == null ? null : form.reason());
			redirect.addFlashAttribute("notice", "已加入本校禁入名单");
			return "redirect:/visits/bans";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("bans", visits.bans(user, scope));
			model.addAttribute("form", form != null ? form : new BanForm(null, null, null));
			return "visitor/bans";
		}
	}

	@GetMapping("/visits/alerts")
	String alerts(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("alerts", visits.alerts(user, scope));
		return "visitor/alerts";
	}

	@GetMapping("/visits/pickup-cards")
	String cards(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("form", NewPickupCard.empty());
		model.addAttribute("check", new PickupCheckForm(null, null));
		return cardsPage(user, scope, model);
	}

	@PostMapping("/visits/pickup-cards")
	String issue(CurrentUser user, DataScope scope, @ModelAttribute("form") NewPickupCard form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			visits.issueCard(user, scope, form);
			redirect.addFlashAttribute("notice", "已发放接送卡 " + form.cardNo().strip());
			return "redirect:/visits/pickup-cards";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("form", form != null ? form : NewPickupCard.empty());
			model.addAttribute("check", new PickupCheckForm(null, null));
			return cardsPage(user, scope, model);
		}
	}

	@PostMapping("/visits/pickup-cards/check")
	String check(CurrentUser user, DataScope scope, @ModelAttribute("check") PickupCheckForm form, Model model,
			HttpServletResponse response) {
		model.addAttribute("form", NewPickupCard.empty());
		try {
			model.addAttribute("result", visits.checkPickup(user, scope, form == null ? null : form.cardNo(),
					form == null ? null : form.idNumber()));
			model.addAttribute("check", new PickupCheckForm(null, null));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("checkErrors", ex.byField());
			model.addAttribute("check", form != null ? form : new PickupCheckForm(null, null));
		}
		return cardsPage(user, scope, model);
	}

	private String cardsPage(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("cards", visits.cards(user, scope));
		model.addAttribute("school", visits.ownSchool(user, scope).orElseThrow());
		return "visitor/pickup-cards";
	}

	private void mustWork(CurrentUser user, DataScope scope) {
		if (visits.ownSchool(user, scope).isEmpty()) {
			throw new ForbiddenException("只有本校账号可以办理门岗登记");
		}
	}

}
