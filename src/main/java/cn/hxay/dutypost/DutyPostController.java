package cn.hxay.dutypost;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.web.Downloads;
import cn.hxay.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;

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

/**
 * 护学岗 pages: the posts with their schools' bells, one post with its roster and check-ins,
 * the phone check-in, the bell times of a school, coverage figures with the lists they
 * open and the Excel, today's gaps, and the schools' police links.
 */
@Controller
class DutyPostController {

	private static final Map<String, String> LABELS = Map.of("schoolId", "学校", "latitude", "纬度", "longitude", "经度",
			"day", "日期", "period", "时段", "officerKind", "人员类别", "accuracy", "定位精度", "kind", "上学/放学", "policeRoom",
			"警务室/岗亭", "carPresent", "警车");

	private final DutyPosts posts;

	private final SchoolPoliceLinks links;

	private final Clock clock;

	DutyPostController(DutyPosts posts, SchoolPoliceLinks links, Clock clock) {
		this.posts = posts;
		this.links = links;
		this.clock = clock;
	}

	/** The bell form: one entry per row, rows left blank are ignored. */
	record BellsForm(List<Period> kind, List<String> label, List<String> at, List<String> weekdays) {

		List<BellRow> rows() {
			List<BellRow> rows = new ArrayList<>();
			int n = Math.max(size(kind), Math.max(size(label), Math.max(size(at), size(weekdays))));
			for (int i = 0; i < n; i++) {
				String time = get(at, i);
				String text = get(label, i);
				if ((time == null || time.isBlank()) && (text == null || text.isBlank())) {
					continue;
				}
				rows.add(new BellRow(get(kind, i), text, time, get(weekdays, i)));
			}
			return rows;
		}

		private static int size(List<?> list) {
			return list == null ? 0 : list.size();
		}

		private static <T> T get(List<T> list, int i) {
			return list == null || i >= list.size() ? null : list.get(i);
		}

	}

	// ------------------------------------------------------------ posts

	@GetMapping("/duty-posts")
	String list(CurrentUser user, DataScope scope, Model model) {
		List<DutyPost> list = posts.posts(scope, null);
		model.addAttribute("posts", list);
		model.addAttribute("bells", posts.bellsOf(list));
		model.addAttribute("mayWrite", posts.mayWrite(user));
		model.addAttribute("police", DutyPosts.isPolice(user));
		model.addAttribute("seesCoverage", DutyPosts.seesCoverage(user));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new NewPost(null, null, null, null));
		}
		if (posts.mayWrite(user)) {
			model.addAttribute("schools", posts.schoolsInScope(scope));
		}
		else {
			// a school's account edits its own bells from here
			List<School> own = list.isEmpty() && !DutyPosts.seesCoverage(user) ? posts.schoolsInScope(scope)
					: List.of();
			model.addAttribute("ownSchools", own);
		}
		return "dutypost/list";
	}

	@PostMapping("/duty-posts")
	String create(CurrentUser user, DataScope scope, @ModelAttribute("form") NewPost form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!posts.mayWrite(user)) {
			throw new ForbiddenException("只有公安机关可以设置护学岗");
		}
		try {
			FormBinding.refuse(binding, LABELS);
			DutyPost post = posts.create(user, scope, form);
			redirect.addFlashAttribute("notice", "已设置护学岗“" + post.title() + "”");
			return "redirect:/duty-posts/" + post.id();
		}
		catch (InvalidInputException ex) {
			FormBinding.showAgain(ex,
					form != null ? form : new NewPost(null, FormBinding.typed(binding, "gate"), null, null), binding,
					model, response);
			model.addAttribute("typedLatitude", FormBinding.typed(binding, "latitude"));
			model.addAttribute("typedLongitude", FormBinding.typed(binding, "longitude"));
			return list(user, scope, model);
		}
	}

	@GetMapping("/duty-posts/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) LocalDate day, CurrentUser user, DataScope scope,
			Model model) {
		DutyPost post = posts.post(scope, id);
		LocalDate shown = day == null ? PlatformTime.today(clock) : day;
		model.addAttribute("post", post);
		model.addAttribute("day", shown);
		model.addAttribute("bells", posts.bellsOf(List.of(post)).getOrDefault(post.schoolId(), List.of()));
		model.addAttribute("mayWrite", posts.mayWrite(user));
		boolean police = DutyPosts.isPolice(user);
		model.addAttribute("police", police);
		if (police) {
			model.addAttribute("roster", posts.roster(user, scope, id, shown));
			model.addAttribute("checkIns", posts.checkIns(user, scope, id, shown));
		}
		if (!model.containsAttribute("rosterForm")) {
			model.addAttribute("rosterForm", new NewRoster(shown, Period.ARRIVAL, null, OfficerKind.POLICE));
		}
		return "dutypost/show";
	}

	@PostMapping("/duty-posts/{id}/roster")
	String addRoster(@PathVariable long id, CurrentUser user, DataScope scope,
			@ModelAttribute("rosterForm") NewRoster form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		mustWrite(user);
		try {
			FormBinding.refuse(binding, LABELS);
			RosterEntry entry = posts.addRoster(user, scope, id, form);
			redirect.addFlashAttribute("notice", "已排班：" + entry.officerKind().label() + " " + entry.officerName());
			return "redirect:/duty-posts/" + id + "?day=" + entry.day();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("typedDay", FormBinding.typed(binding, "day"));
			model.addAttribute("rosterForm",
					form != null ? form : new NewRoster(null, null, FormBinding.typed(binding, "officerName"), null));
			return show(id, form != null && form.day() != null ? form.day() : null, user, scope, model);
		}
	}

	@GetMapping("/duty-posts/roster")
	String rosterOfDay(@RequestParam(required = false) LocalDate day, CurrentUser user, DataScope scope, Model model) {
		LocalDate shown = day == null ? PlatformTime.today(clock) : day;
		model.addAttribute("roster", posts.rosterOfDay(user, scope, shown));
		model.addAttribute("day", shown);
		return "dutypost/roster";
	}

	// ------------------------------------------------------------ check-in (phone)

	@GetMapping("/duty-posts/check-in")
	String checkInList(CurrentUser user, DataScope scope, Model model) {
		DutyPosts.mustSeeOfficers(user);
		List<DutyPost> list = posts.posts(scope, null);
		model.addAttribute("posts", list.size() > 100 ? list.subList(0, 100) : list);
		model.addAttribute("more", Math.max(0, list.size() - 100));
		model.addAttribute("bells", posts.bellsOf(list));
		model.addAttribute("open", posts.openCheckIns(user));
		model.addAttribute("today", PlatformTime.today(clock));
		model.addAttribute("names",
				list.stream().collect(java.util.stream.Collectors.toMap(DutyPost::id, DutyPost::title, (a, b) -> a)));
		return "dutypost/check-in-list";
	}

	@GetMapping("/duty-posts/{id}/check-in")
	String checkInForm(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		DutyPosts.mustSeeOfficers(user);
		DutyPost post = posts.post(scope, id);
		model.addAttribute("post", post);
		model.addAttribute("bells", posts.bellsOf(List.of(post)).getOrDefault(post.schoolId(), List.of()));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					new NewCheckIn(user.displayName(), OfficerKind.POLICE, null, null, null, null, Boolean.TRUE));
		}
		model.addAttribute("kinds", OfficerKind.values());
		return "dutypost/check-in";
	}

	@PostMapping("/duty-posts/{id}/check-in")
	String checkIn(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("form") NewCheckIn form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustWrite(user);
		try {
			FormBinding.refuse(binding, LABELS);
			CheckIn c = posts.checkIn(user, scope, id, form);
			redirect.addFlashAttribute("notice",
					c.officerName() + " 已于 " + PlatformTime.SECOND.format(c.checkedInAt()).substring(11) + " 签到");
			return "redirect:/duty-posts/check-in";
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			response.setStatus(ex instanceof InvalidInputException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			model.addAttribute("errors", ex instanceof InvalidInputException invalid ? invalid.byField()
					: Map.of("officerName", ex.getMessage()));
			model.addAttribute("form", form != null ? form : new NewCheckIn(FormBinding.typed(binding, "officerName"),
					null, null, null, null, FormBinding.typed(binding, "place"), null));
			return checkInForm(id, user, scope, model);
		}
	}

	@PostMapping("/duty-posts/check-ins/{id}/check-out")
	String checkOut(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("out") CheckOut form,
			BindingResult binding, RedirectAttributes redirect) {
		mustWrite(user);
		FormBinding.refuse(binding, LABELS);
		CheckIn c = posts.checkOut(user, scope, id, form);
		redirect.addFlashAttribute("notice", c.officerName() + " 已签退");
		return "redirect:/duty-posts/check-in";
	}

	// ------------------------------------------------------------ bells

	@GetMapping("/duty-posts/schools/{id}/bells")
	String bells(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		School school = posts.school(scope, id);
		model.addAttribute("school", school);
		if (!model.containsAttribute("rows")) {
			List<BellRow> rows = new ArrayList<>();
			posts.bells(scope, id)
				.forEach(b -> rows.add(new BellRow(b.kind(), b.label(), b.at().toString(), b.weekdays())));
			model.addAttribute("rows", rows);
		}
		model.addAttribute("mayEdit", posts.mayEditBells(user, school));
		model.addAttribute("weekdayChoices", Weekdays.CHOICES);
		return "dutypost/bells";
	}

	@PostMapping("/duty-posts/schools/{id}/bells")
	String saveBells(@PathVariable long id, CurrentUser user, DataScope scope,
			@ModelAttribute("bellsForm") BellsForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!posts.mayEditBells(user, posts.school(scope, id))) {
			throw new ForbiddenException("只有本校和辖区公安机关可以修改作息时间");
		}
		try {
			FormBinding.refuse(binding, LABELS);
			List<Bell> saved = posts.replaceBells(user, scope, id, form == null ? List.of() : form.rows());
			redirect.addFlashAttribute("notice", "已保存作息时间 " + saved.size() + " 条");
			return "redirect:/duty-posts/schools/" + id + "/bells";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("rows", form == null ? List.of() : form.rows());
			return bells(id, user, scope, model);
		}
	}

	// ------------------------------------------------------------ coverage

	@GetMapping("/duty-posts/coverage")
	String coverage(@RequestParam(required = false) LocalDate day, CurrentUser user, DataScope scope, Model model) {
		LocalDate shown = day == null ? PlatformTime.today(clock) : day;
		model.addAttribute("coverage", posts.coverage(user, scope, shown, clock.instant()));
		model.addAttribute("day", shown);
		model.addAttribute("gapMinutes", posts.gapMinutes());
		return "dutypost/coverage";
	}

	@GetMapping("/duty-posts/coverage/peaks")
	String peaks(@RequestParam(required = false) LocalDate day, @RequestParam(required = false) PeakStatus status,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) Long stationId,
			@RequestParam(required = false) Long postId, CurrentUser user, DataScope scope, Model model) {
		LocalDate shown = day == null ? PlatformTime.today(clock) : day;
		DutyPosts.PeakFilter filter = new DutyPosts.PeakFilter(status, regionCode, stationId, postId);
		model.addAttribute("peaks", posts.peaks(user, scope, shown, clock.instant(), filter));
		model.addAttribute("day", shown);
		model.addAttribute("status", status);
		model.addAttribute("counties", posts.countyNames());
		model.addAttribute("query", query(shown, status, regionCode, stationId, postId));
		return "dutypost/peaks";
	}

	@GetMapping("/duty-posts/coverage.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) LocalDate day,
			@RequestParam(required = false) PeakStatus status, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Long stationId, @RequestParam(required = false) Long postId,
			CurrentUser user, DataScope scope) {
		LocalDate shown = day == null ? PlatformTime.today(clock) : day;
		List<Peak> peaks = posts.peaks(user, scope, shown, clock.instant(),
				new DutyPosts.PeakFilter(status, regionCode, stationId, postId));
		return Downloads.excel(CoverageWorkbook.write(peaks, posts.countyNames()), "护学岗覆盖-" + shown + ".xlsx");
	}

	private static String query(LocalDate day, PeakStatus status, String regionCode, Long stationId, Long postId) {
		StringBuilder q = new StringBuilder("day=" + day);
		if (status != null) {
			q.append("&status=").append(status.name());
		}
		if (regionCode != null && regionCode.matches("\\d{6}")) {
			q.append("&regionCode=").append(regionCode);
		}
		if (stationId != null) {
			q.append("&stationId=").append(stationId);
		}
		if (postId != null) {
			q.append("&postId=").append(postId);
		}
		return q.toString();
	}

	@GetMapping("/duty-posts/gaps")
	String gaps(@RequestParam(required = false) LocalDate day, @RequestParam(defaultValue = "false") boolean open,
			CurrentUser user, DataScope scope, Model model) {
		LocalDate shown = day == null ? PlatformTime.today(clock) : day;
		model.addAttribute("gaps", posts.gaps(user, scope, shown, open));
		model.addAttribute("day", shown);
		model.addAttribute("open", open);
		model.addAttribute("gapMinutes", posts.gapMinutes());
		return "dutypost/gaps";
	}

	// ------------------------------------------------------------ police links

	@GetMapping("/duty-posts/liaisons")
	String liaisons(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("coverage", links.coverage(user, scope));
		model.addAttribute("lacks", Lack.values());
		return "dutypost/liaisons";
	}

	@GetMapping("/duty-posts/liaisons/schools")
	String liaisonSchools(@RequestParam(required = false) Lack lack, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Long stationId, CurrentUser user, DataScope scope, Model model) {
		List<SchoolPoliceLink> all = links.all(user, scope, regionCode, stationId);
		model.addAttribute("links", lack == null ? all : all.stream().filter(l -> l.lacks().contains(lack)).toList());
		model.addAttribute("lack", lack);
		model.addAttribute("mayWrite", posts.mayWrite(user));
		return "dutypost/liaison-schools";
	}

	@GetMapping("/duty-posts/schools/{id}/liaison")
	String liaison(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		SchoolPoliceLink link = links.of(scope, id);
		model.addAttribute("link", link);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new LinkForm(link.vicePrincipal(), link.counsellor(), link.liaisonOfficer(),
					link.liaisonPhone(), link.policeRoom(), link.roomRequired()));
		}
		model.addAttribute("mayWrite", posts.mayWrite(user));
		model.addAttribute("rooms", PoliceRoom.values());
		return "dutypost/liaison";
	}

	@PostMapping("/duty-posts/schools/{id}/liaison")
	String saveLiaison(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("form") LinkForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustWrite(user);
		try {
			FormBinding.refuse(binding, LABELS);
			links.save(user, scope, id, form);
			redirect.addFlashAttribute("notice", "已保存");
			return "redirect:/duty-posts/schools/" + id + "/liaison";
		}
		catch (InvalidInputException ex) {
			FormBinding.showAgain(ex,
					form != null ? form : new LinkForm(FormBinding.typed(binding, "vicePrincipal"),
							FormBinding.typed(binding, "counsellor"), FormBinding.typed(binding, "liaisonOfficer"),
							FormBinding.typed(binding, "liaisonPhone"), null, null),
					binding, model, response);
			return liaison(id, user, scope, model);
		}
	}

	private void mustWrite(CurrentUser user) {
		if (!posts.mayWrite(user)) {
			throw new ForbiddenException("只有公安机关可以设置护学岗、排班、签到和警校联络");
		}
	}

}
