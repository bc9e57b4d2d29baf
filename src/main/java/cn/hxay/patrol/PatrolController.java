package cn.hxay.patrol;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Patrol pages, phone first: the day's rounds against the plan (a school) or each
 * school's status (bureaus and police); points with printable QR codes; the page a
 * scanned QR code opens, where the guard taps 打卡; the duty roster.
 */
@Controller
class PatrolController {

	private static final Map<String, String> LABELS = Map.of("day", "日期（格式 yyyy-MM-dd）", "roundsPerDay", "每日巡更轮次",
			"minSecondsBetween", "两点最短间隔（秒）", "roundMinutes", "一轮时限（分钟）", "leader", "带班领导", "holiday", "假期值班", "order",
			"巡更顺序");

	private final Patrols patrols;

	private final Clock clock;

	PatrolController(Patrols patrols, Clock clock) {
		this.patrols = patrols;
		this.clock = clock;
	}

	record PlanForm(Integer roundsPerDay, Integer minSecondsBetween, Integer roundMinutes) {
	}

	record PointForm(String name, Integer order) {
	}

	@GetMapping("/patrols")
	String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) Boolean shortOnly, CurrentUser user, DataScope scope, Model model) {
		LocalDate d = day == null ? PlatformTime.today(clock) : day;
		model.addAttribute("day", d);
		model.addAttribute("today", PlatformTime.today(clock));
		model.addAttribute("source", PatrolPlan.SOURCE);
		Optional<School> own = patrols.ownSchool(user, scope);
		model.addAttribute("school", own.orElse(null));
		if (own.isPresent()) {
			model.addAttribute("patrol", patrols.day(own.get(), d));
			model.addAttribute("points", patrols.points(own.get()));
			model.addAttribute("leaderOnEveryDay", patrols.leaderOnEveryDay(own.get()));
		}
		else {
			List<SchoolPatrolStatus> statuses = patrols.statuses(scope, d);
			model.addAttribute("shortOnly", Boolean.TRUE.equals(shortOnly));
			model.addAttribute("statuses",
					Boolean.TRUE.equals(shortOnly) ? statuses.stream().filter(s -> !s.met()).toList() : statuses);
		}
		return "patrol/day";
	}

	@GetMapping("/patrols/points")
	String points(CurrentUser user, DataScope scope, Model model) {
		return pointsPage(mustWork(user, scope), model);
	}

	@PostMapping("/patrols/points")
	String addPoint(CurrentUser user, DataScope scope, @ModelAttribute("pointForm") PointForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			PatrolPoint p = patrols.addPoint(user, scope, form.name(), form.order());
			redirect.addFlashAttribute("notice", "已添加点位“" + p.name() + "”");
			return "redirect:/patrols/points";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("typedName", form == null ? null : form.name());
			model.addAttribute("typedOrder", typed(binding, "order"));
			return pointsPage(mustWork(user, scope), model);
		}
	}

	@PostMapping("/patrols/plan")
	String savePlan(CurrentUser user, DataScope scope, @ModelAttribute("planForm") PlanForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			patrols.savePlan(user, scope, form.roundsPerDay(), form.minSecondsBetween(), form.roundMinutes());
			redirect.addFlashAttribute("notice", "已保存巡更计划");
			return "redirect:/patrols/points";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("typedPlan", Map.of("roundsPerDay", typed(binding, "roundsPerDay"), "minSecondsBetween",
					typed(binding, "minSecondsBetween"), "roundMinutes", typed(binding, "roundMinutes")));
			return pointsPage(mustWork(user, scope), model);
		}
	}

	private static String typed(BindingResult binding, String field) {
		String value = FormBinding.typed(binding, field);
		return value == null ? "" : value;
	}

	private String pointsPage(School school, Model model) {
		model.addAttribute("school", school);
		model.addAttribute("plan", patrols.plan(school));
		model.addAttribute("points", patrols.points(school));
		model.addAttribute("source", PatrolPlan.SOURCE);
		return "patrol/points";
	}

	@GetMapping("/patrols/points/print")
	String print(CurrentUser user, DataScope scope, Model model) {
		School school = mustWork(user, scope);
		model.addAttribute("school", school);
		model.addAttribute("points", patrols.points(school));
		model.addAttribute("base", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		return "patrol/print";
	}

	@GetMapping("/patrols/points/{id}/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable long id, DataScope scope) {
		PatrolPoint p = patrols.point(scope, id);
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/patrols/scan/{code}")
			.buildAndExpand(p.token())
			.toUriString();
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(QrCodes.png(url, 360));
	}

	@GetMapping("/patrols/scan/{code}")
	String scanPage(@PathVariable("code") String token, CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("point", patrols.pointToScan(user, scope, token));
		return "patrol/scan";
	}

	@PostMapping("/patrols/scan/{code}")
	String scan(@PathVariable("code") String token, CurrentUser user, DataScope scope, Model model) {
		ScanResult result = patrols.scan(user, scope, token);
		model.addAttribute("point", result.point());
		model.addAttribute("result", result);
		model.addAttribute("now", clock.instant());
		return "patrol/scan";
	}

	@GetMapping("/patrols/duty")
	String duty(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("form", NewDuty.empty());
		return dutyPage(mustWork(user, scope), model);
	}

	@PostMapping("/patrols/duty")
	String addDuty(CurrentUser user, DataScope scope, @ModelAttribute("form") NewDuty form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			patrols.addDuty(user, scope, form);
			redirect.addFlashAttribute("notice", "已加入值班表");
			return "redirect:/patrols/duty";
		}
		catch (InvalidInputException ex) {
			FormBinding.showAgain(ex, form != null ? form : NewDuty.empty(), binding, model, response);
			model.addAttribute("typedDay", FormBinding.typed(binding, "day"));
			return dutyPage(mustWork(user, scope), model);
		}
	}

	private String dutyPage(School school, Model model) {
		LocalDate today = PlatformTime.today(clock);
		model.addAttribute("school", school);
		model.addAttribute("today", today);
		model.addAttribute("roster", patrols.roster(school, today));
		model.addAttribute("leaderOnEveryDay", patrols.leaderOnEveryDay(school));
		return "patrol/duty";
	}

	private School mustWork(CurrentUser user, DataScope scope) {
		return patrols.ownSchool(user, scope).orElseThrow(() -> new ForbiddenException("只有本校账号可以管理巡更和值班"));
	}

}
