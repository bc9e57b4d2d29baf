package cn.hxay.alarm.console;

import cn.hxay.alarm.Alarm;
import cn.hxay.alarm.AlarmOutcome;
import cn.hxay.alarm.AlarmState;
import cn.hxay.alarm.Alarms;
import cn.hxay.alarm.Devices;
import cn.hxay.alarm.VideoLinks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.hxay.dutypost.DutyPosts;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.identity.UserSummary;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The police console (110 接处警台): the live queue of open alarms in the user's jurisdiction
 * (a page, its JSON, and the server-sent-event feed), one alarm with the school's
 * details, procedure and history, and the actions 接警, 派警, 到场, 处置完毕.
 */
@Controller
class ConsoleController {

	private final Alarms alarms;

	private final ConsoleFeed feed;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final Clock clock;

	private final JsonMapper json;

	private final Devices devices;

	private final VideoLinks links;

	private final UserAccounts users;

	private final DutyPosts dutyPosts;

	ConsoleController(Alarms alarms, ConsoleFeed feed, SchoolRegistry schools, Organisations organisations, Clock clock,
			JsonMapper json, Devices devices, VideoLinks links, UserAccounts users, DutyPosts dutyPosts) {
		this.dutyPosts = dutyPosts;
		this.users = users;
		this.links = links;
		this.devices = devices;
		this.json = json;
		this.alarms = alarms;
		this.feed = feed;
		this.schools = schools;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping("/console")
	String console(CurrentUser user, DataScope scope, Model model) {
		List<AlarmView> queue = alarms.queue(user, scope).stream().map(AlarmView::of).toList();
		// inside a script element: no "<" may close it early
		model.addAttribute("queueJson", json.writeValueAsString(queue).replace("<", "\\u003c"));
		// devices down in the dispatcher's area: an alert beside the alarm queue
		model.addAttribute("offline", devices.openOutageCount(scope));
		model.addAttribute("offlineOverdue", devices.overdueOutageCount(scope));
		return "alarm/console";
	}

	@GetMapping(path = "/console/queue", produces = "application/json")
	@ResponseBody
	List<AlarmView> queue(CurrentUser user, DataScope scope) {
		return alarms.queue(user, scope).stream().map(AlarmView::of).toList();
	}

	@GetMapping(path = "/console/stream", produces = "text/event-stream")
	SseEmitter stream(CurrentUser user, DataScope scope) {
		alarms.queue(user, scope);
		return feed.subscribe(scope);
	}

	@GetMapping("/console/alarms/{id}")
	String detail(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		alarms.open(user, scope, id);
		return showDetail(id, user, scope, model, null);
	}

	@PostMapping("/console/alarms/{id}/acknowledge")
	String acknowledge(@PathVariable long id, @RequestParam int version, CurrentUser user, DataScope scope,
			Model model) {
		return act(id, user, scope, model, () -> alarms.acknowledge(user, scope, id, version));
	}

	@PostMapping("/console/alarms/{id}/dispatch")
	String dispatch(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Long stationId,
			@RequestParam(required = false) List<Long> officerIds, @RequestParam(required = false) String officers,
			CurrentUser user, DataScope scope, Model model) {
		return act(id, user, scope, model, () -> alarms.dispatch(user, scope, id, version, stationId,
				officerNames(stationId, officerIds, officers)));
	}

	/**
	 * The officers sent: those picked from the station's officer accounts (each must be
	 * an enabled 派出所民警 account of that station), then anyone else typed (e.g. 辅警 without
	 * an account), joined as the alarm keeps them.
	 */
	private String officerNames(Long stationId, List<Long> officerIds, String others) {
		List<String> names = new java.util.ArrayList<>();
		if (officerIds != null && !officerIds.isEmpty()) {
			Map<Long, UserSummary> own = new java.util.HashMap<>();
			if (stationId != null) {
				officersOf(stationId).forEach(o -> own.put(o.id(), o));
			}
			for (Long officerId : new java.util.LinkedHashSet<>(officerIds)) {
				UserSummary officer = officerId == null ? null : own.get(officerId);
				if (officer == null) {
					throw new InvalidInputException("officerIds", "所选民警不是该派出所的民警");
				}
				names.add(officer.displayName());
			}
		}
		if (others != null && !others.isBlank()) {
			names.add(others.strip());
		}
		return names.isEmpty() ? null : String.join("、", names);
	}

	/** The enabled 派出所民警 accounts of a station, by username. */
	private List<UserSummary> officersOf(long stationId) {
		return users.search(null, stationId, PageRequest.of(0, 100))
			.items()
			.stream()
			.filter(u -> u.enabled() && u.roles().contains(Role.STATION_OFFICER))
			.toList();
	}

	@PostMapping("/console/alarms/{id}/arrive")
	String arrive(@PathVariable long id, @RequestParam int version, CurrentUser user, DataScope scope, Model model) {
		return act(id, user, scope, model, () -> alarms.arrive(user, scope, id, version));
	}

	/**
	 * The officer's phone page (出警到场): the alarms dispatched to the officer's station or
	 * naming the officer that are not yet 到场, each with one big 到场 button. A user of a
	 * county or city police unit sees every dispatched alarm of the jurisdiction.
	 */
	@GetMapping("/console/on-site")
	String onSite(CurrentUser user, DataScope scope, @RequestParam(required = false) String error,
			@RequestParam(required = false) Long arrived, Model model) {
		boolean station = user.hasRole(Role.STATION_OFFICER);
		List<Alarm> mine = alarms.queue(user, scope)
			.stream()
			.filter(a -> a.state() == AlarmState.DISPATCHED)
			.filter(a -> !station || Long.valueOf(user.organisationId()).equals(a.dispatchStationId())
					|| (a.officers() != null && a.officers().contains(user.displayName())))
			.toList();
		model.addAttribute("alarms", mine);
		model.addAttribute("units", organisations.byIds(mine.stream().map(Alarm::dispatchStationId).toList()));
		model.addAttribute("time", PlatformTime.SECOND);
		model.addAttribute("error", "stale".equals(error) ? "该报警已被他人处理，列表已刷新，请确认后再操作。"
				: "state".equals(error) ? "该报警当前不能登记到场，列表已刷新。" : null);
		model.addAttribute("arrived", arrived == null ? null
				: alarms.queue(user, scope).stream().filter(a -> a.id() == arrived).findFirst().orElse(null));
		return "alarm/on-site";
	}

	@PostMapping("/console/on-site/{id}/arrive")
	String arriveOnSite(@PathVariable long id, @RequestParam int version, CurrentUser user, DataScope scope) {
		try {
			alarms.arrive(user, scope, id, version);
			return "redirect:/console/on-site?arrived=" + id;
		}
		catch (ConcurrentEditException ex) {
			return "redirect:/console/on-site?error=stale";
		}
		catch (InvalidInputException ex) {
			return "redirect:/console/on-site?error=state";
		}
	}

	@PostMapping("/console/alarms/{id}/close")
	String close(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) AlarmOutcome outcome,
			@RequestParam(required = false) String note, CurrentUser user, DataScope scope, Model model) {
		return act(id, user, scope, model, () -> alarms.close(user, scope, id, version, outcome, note));
	}

	@GetMapping("/console/log")
	String log(CurrentUser user, DataScope scope, @RequestParam(required = false) Boolean actionable,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("alarms", alarms.log(user, scope, actionable, PageRequest.of(page, 50)));
		model.addAttribute("actionable", actionable);
		model.addAttribute("links", cn.hxay.shared.web.PageLinks.to("/console/log").with("actionable", actionable));
		model.addAttribute("time", PlatformTime.SECOND);
		return "alarm/log";
	}

	/** The longest period the statistics page counts over. */
	static final int MAX_DAYS = 366;

	/**
	 * Alarm statistics over a date range of the platform clock (Asia/Shanghai), both days
	 * included: by default the last 30 days ({@code days} keeps its old meaning when no
	 * dates are given). A date that is not a date, a start after the end or a range over
	 * a year is said on the page, the typed values kept, and the default range shown.
	 */
	@GetMapping("/alarms/statistics")
	String statistics(DataScope scope, @RequestParam(required = false) String days,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		LocalDate today = PlatformTime.today(clock);
		int period = 30;
		try {
			period = days == null ? 30 : (int) Math.max(1, Math.min(Long.parseLong(days.strip()), MAX_DAYS));
		}
		catch (NumberFormatException ex) {
			// a bad day count falls back to 30 days
		}
		LocalDate end = today;
		LocalDate start = today.minusDays(period - 1L);
		String error = null;
		LocalDate typedFrom = date(from);
		LocalDate typedTo = date(to);
		if ((blank(from) || typedFrom != null) && (blank(to) || typedTo != null)) {
			LocalDate wantedEnd = typedTo != null ? typedTo : today;
			LocalDate wantedStart = typedFrom != null ? typedFrom : wantedEnd.minusDays(period - 1L);
			if (wantedStart.isAfter(wantedEnd)) {
				error = "开始日期不能晚于结束日期";
			}
			else if (wantedStart.plusDays(MAX_DAYS).isBefore(wantedEnd.plusDays(1))) {
				error = "统计区间最长 " + MAX_DAYS + " 天";
			}
			else {
				start = wantedStart;
				end = wantedEnd;
			}
		}
		else {
			error = "日期格式应为 年-月-日，如 " + PlatformTime.DATE.format(today);
		}
		model.addAttribute("from", error == null ? PlatformTime.DATE.format(start) : from);
		model.addAttribute("to", error == null ? PlatformTime.DATE.format(end) : to);
		model.addAttribute("shownFrom", start);
		model.addAttribute("shownTo", end);
		model.addAttribute("error", error);
		model.addAttribute("stats", alarms.statistics(scope, start.atStartOfDay(PlatformTime.ZONE).toInstant(),
				end.plusDays(1).atStartOfDay(PlatformTime.ZONE).toInstant()));
		return "alarm/statistics";
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** The typed date, or {@code null} when blank or not a date. */
	private static LocalDate date(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private String act(long id, CurrentUser user, DataScope scope, Model model, Runnable action) {
		try {
			action.run();
			return showDetail(id, user, scope, model, null);
		}
		catch (InvalidInputException ex) {
			return showDetail(id, user, scope, model, ex.getMessage());
		}
		catch (ConcurrentEditException ex) {
			return showDetail(id, user, scope, model, "该报警已被他人处理，页面已刷新，请确认后再操作。");
		}
	}

	/**
	 * A location sketch without map tiles (police intranets often have none): the alarm's
	 * school among the other schools of its police station, by their registered
	 * coordinates.
	 */
	private String mapOf(DataScope scope, Alarm alarm, cn.hxay.school.SchoolDetails here) {
		List<List<Object>> others = new java.util.ArrayList<>();
		if (alarm.stationId() != null) {
			schools
				.search(scope, new cn.hxay.school.SchoolFilter(null, null, alarm.stationId(), null, null, null),
						cn.hxay.shared.PageRequest.of(0, 200))
				.items()
				.stream()
				.filter(s -> s.id() != alarm.schoolId() && s.details().longitude() != null)
				.forEach(s -> others.add(List.of(s.details().longitude(), s.details().latitude(), s.name())));
		}
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		map.put("here", List.of(here.longitude(), here.latitude(), alarm.schoolName()));
		map.put("others", others);
		return json.writeValueAsString(map);
	}

	private String showDetail(long id, CurrentUser user, DataScope scope, Model model, String error) {
		Alarm alarm = alarms.get(user, scope, id);
		model.addAttribute("alarm", alarm);
		model.addAttribute("snapshotLink", links.orNull(alarm.snapshotUrl()));
		model.addAttribute("clipLink", links.orNull(alarm.clipUrl()));
		model.addAttribute("steps", alarms.steps(user, scope, id));
		model.addAttribute("error", error);
		model.addAttribute("time", PlatformTime.SECOND);
		model.addAttribute("minute", PlatformTime.MINUTE);
		model.addAttribute("waited", alarm.waited(clock.instant()).toSeconds());
		try {
			var school = schools.get(scope, alarm.schoolId()).details();
			model.addAttribute("school", school);
			model.addAttribute("mapJson", school.longitude() == null ? null : mapOf(scope, alarm, school));
			// who stands at the school's 护学岗 right now: the nearest officers to send
			model.addAttribute("onDuty", dutyPosts.onDutyNow(scope, alarm.schoolId()));
		}
		catch (NotFoundException ex) {
			model.addAttribute("school", null);
		}
		Organisation unit = organisations.get(user.organisationId());
		List<Organisation> stations = organisations.ofKind(OrganisationKind.POLICE_STATION, unit.regionCode())
			.stream()
			.filter(s -> scope.covers(s.id()))
			.toList();
		model.addAttribute("stations", stations);
		if (alarm.state() == AlarmState.ACKNOWLEDGED) {
			Map<Long, List<UserSummary>> officers = new java.util.LinkedHashMap<>();
			stations.forEach(s -> officers.put(s.id(), officersOf(s.id())));
			model.addAttribute("officers", officers);
		}
		model.addAttribute("defaultStation", alarm.stationId());
		model.addAttribute("outcomes", AlarmOutcome.values());
		Map<Long, Organisation> units = organisations
			.byIds(java.util.Arrays.asList(alarm.stationId(), alarm.dispatchStationId(), alarm.bureauId()));
		model.addAttribute("units", units);
		return "alarm/alarm-detail";
	}

}
