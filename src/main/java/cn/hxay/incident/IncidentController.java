package cn.hxay.incident;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Region;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.web.Downloads;
import cn.hxay.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletRequest;
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
 * Incident pages: the list with filters and paging, the first report (short enough for a
 * phone), one incident with its reports, 三同步 steps and forms, the statistics, and the
 * Excel exports. Refused input shows the page again with 400, the reasons by field and
 * the values as typed.
 */
@Controller
class IncidentController {

	private static final Map<String, String> LABELS = Map.of("schoolId", "发生学校", "type", "案事件类型", "occurredAt",
			"发生时间（格式 yyyy-MM-dd HH:mm）", "deaths", "死亡人数", "injured", "受伤人数", "alarmId", "关联报警编号", "track", "处置类别",
			"doneAt", "处置时间（格式 yyyy-MM-dd HH:mm）", "keyPersonId", "重点人员编号");

	private final Incidents incidents;

	IncidentController(Incidents incidents) {
		this.incidents = incidents;
	}

	record LinkForm(Long keyPersonId) {
	}

	@GetMapping("/incidents")
	String list(CurrentUser user, DataScope scope, @ModelAttribute("query") IncidentQuery query,
			@RequestParam(required = false) Integer page, Model model) {
		IncidentFilter filter = query.filter();
		Paged<Incident> found = incidents.search(user, scope, filter, PageRequest.of(page, 20));
		model.addAttribute("incidents", found);
		model.addAttribute("filter", filter);
		model.addAttribute("overdue",
				found.items()
					.stream()
					.collect(java.util.stream.Collectors.toMap(Incident::id, i -> !incidents.overdue(i).isEmpty())));
		model.addAttribute("types", IncidentType.values());
		model.addAttribute("statuses", IncidentStatus.values());
		model.addAttribute("counties", incidents.counties());
		model.addAttribute("countyNames", countyNames());
		model.addAttribute("links", query.links("/incidents"));
		model.addAttribute("exportLink", query.links("/incidents").as("/incidents/export.xlsx"));
		model.addAttribute("mayWrite", Incidents.mayWrite(user));
		model.addAttribute("rule", incidents.reportClock().describe());
		return "incident/list";
	}

	@GetMapping("/incidents/export.xlsx")
	ResponseEntity<byte[]> export(CurrentUser user, DataScope scope, @ModelAttribute("query") IncidentQuery query) {
		return Downloads.excel(IncidentWorkbook.list(incidents.export(user, scope, query.filter()), countyNames(),
				Incidents.police(user)), "涉校案事件.xlsx");
	}

	@GetMapping("/incidents/new")
	String create(CurrentUser user, DataScope scope, Model model) {
		NewIncident blank = NewIncident.blank(incidents.nowLocal());
		Map<String, String> values = new LinkedHashMap<>();
		values.put("occurredAt", blank.occurredAt().toString());
		values.put("deaths", "0");
		values.put("injured", "0");
		return form(user, scope, values, Map.of(), model);
	}

	@PostMapping("/incidents")
	String report(CurrentUser user, DataScope scope, @ModelAttribute("form") NewIncident form, BindingResult binding,
			HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			Incident i = incidents.report(user, scope, form);
			redirect.addFlashAttribute("notice",
					"已初报并推送上级：" + i.schoolName() + " · " + i.type().label() + (i.firstReportLate() ? "（超过初报时限）" : ""));
			return "redirect:/incidents/" + i.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(user, scope, typed(binding, request, "schoolId", "type", "occurredAt", "place", "persons",
					"what", "deaths", "injured", "alarmId"), ex.byField(), model);
		}
	}

	private String form(CurrentUser user, DataScope scope, Map<String, String> values, Map<String, String> errors,
			Model model) {
		model.addAttribute("schools", incidents.schoolsFor(user, scope));
		model.addAttribute("countyNames", countyNames());
		model.addAttribute("types", IncidentType.values());
		model.addAttribute("v", values);
		model.addAttribute("errors", errors);
		model.addAttribute("rule", incidents.reportClock().describe());
		return "incident/new";
	}

	@GetMapping("/incidents/{id:\\d+}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		return show(id, user, scope, null, Map.of(), Map.of(), model);
	}

	@PostMapping("/incidents/{id:\\d+}/follow-ups")
	String followUp(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("report") NewReport form,
			BindingResult binding, HttpServletRequest request, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return report(id, user, scope, form, binding, request, false, model, response, redirect);
	}

	@PostMapping("/incidents/{id:\\d+}/final-report")
	String finalReport(@PathVariable long id, CurrentUser user, DataScope scope,
			@ModelAttribute("report") NewReport form, BindingResult binding, HttpServletRequest request, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return report(id, user, scope, form, binding, request, true, model, response, redirect);
	}

	private String report(long id, CurrentUser user, DataScope scope, NewReport form, BindingResult binding,
			HttpServletRequest request, boolean last, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		String name = last ? "final" : "followUp";
		try {
			FormBinding.refuse(binding, LABELS);
			IncidentReport r = last ? incidents.finalReport(user, scope, id, form)
					: incidents.followUp(user, scope, id, form);
			redirect.addFlashAttribute("notice", "已" + r.kind().label() + (r.late() ? "（超过报告时限）" : ""));
			return "redirect:/incidents/" + id;
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			response.setStatus(ex instanceof InvalidInputException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			Map<String, String> errors = ex instanceof InvalidInputException invalid ? invalid.byField()
					: Map.of("_", ex.getMessage());
			return show(id, user, scope, name, typed(binding, request, "text", "deaths", "injured"), errors, model);
		}
	}

	@PostMapping("/incidents/{id:\\d+}/actions")
	String action(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("action") NewAction form,
			BindingResult binding, HttpServletRequest request, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			HandlingAction a = incidents.recordAction(user, scope, id, form);
			redirect.addFlashAttribute("notice", "已记录" + a.track().label());
			return "redirect:/incidents/" + id;
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			response.setStatus(ex instanceof InvalidInputException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			Map<String, String> errors = ex instanceof InvalidInputException invalid ? invalid.byField()
					: Map.of("_", ex.getMessage());
			return show(id, user, scope, "action", typed(binding, request, "track", "doneAt", "text"), errors, model);
		}
	}

	@PostMapping("/incidents/{id:\\d+}/key-persons")
	String link(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("link") LinkForm form,
			BindingResult binding, HttpServletRequest request, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			incidents.linkKeyPerson(user, scope, id, form.keyPersonId());
			redirect.addFlashAttribute("notice", "已关联重点人员 " + form.keyPersonId());
			return "redirect:/incidents/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return show(id, user, scope, "link", typed(binding, request, "keyPersonId"), ex.byField(), model);
		}
	}

	private String show(long id, CurrentUser user, DataScope scope, String failed, Map<String, String> values,
			Map<String, String> errors, Model model) {
		IncidentView view = incidents.view(user, scope, id);
		model.addAttribute("view", view);
		model.addAttribute("i", view.incident());
		model.addAttribute("tracks", Track.values());
		model.addAttribute("countyNames", countyNames());
		model.addAttribute("mayWrite", Incidents.mayWrite(user) && !view.incident().closed());
		model.addAttribute("failed", failed);
		model.addAttribute("v", values);
		model.addAttribute("errors", errors);
		model.addAttribute("rule", incidents.reportClock().describe());
		model.addAttribute("now", incidents.nowLocal().toString());
		return "incident/show";
	}

	@GetMapping("/incidents/statistics")
	String statistics(CurrentUser user, DataScope scope, @RequestParam(required = false) String year, Model model) {
		int thisYear = incidents.thisMonth().getYear();
		int y = year != null && year.matches("20\\d\\d") ? Integer.parseInt(year) : thisYear;
		model.addAttribute("s", incidents.statistics(user, scope, y));
		model.addAttribute("years", java.util.stream.IntStream.rangeClosed(thisYear - 4, thisYear).boxed().toList());
		return "incident/statistics";
	}

	@GetMapping("/incidents/statistics.xlsx")
	ResponseEntity<byte[]> statisticsExport(CurrentUser user, DataScope scope,
			@RequestParam(required = false) String year) {
		int y = year != null && year.matches("20\\d\\d") ? Integer.parseInt(year) : incidents.thisMonth().getYear();
		return Downloads.excel(IncidentWorkbook.statistics(incidents.statistics(user, scope, y)),
				"涉校案事件统计-" + y + ".xlsx");
	}

	private Map<String, String> countyNames() {
		return Region.namesByCode(incidents.counties());
	}

	/**
	 * What was typed in each field, also where it could not be converted (taken from the
	 * binding when the form was built, else from the request itself).
	 */
	private static Map<String, String> typed(BindingResult binding, HttpServletRequest request, String... fields) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String f : fields) {
			String v = request.getParameter(f);
			if (v == null && binding.getTarget() != null) {
				v = FormBinding.typed(binding, f);
			}
			values.put(f, v == null ? "" : v);
		}
		return values;
	}

	static String minute(java.time.Instant at) {
		return at == null ? "" : PlatformTime.MINUTE.format(at);
	}

}
