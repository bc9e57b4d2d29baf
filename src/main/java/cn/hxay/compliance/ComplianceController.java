package cn.hxay.compliance;

import cn.hxay.shared.web.Downloads;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.organisation.RegionLevel;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.AccessRules;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.web.PageLinks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Compliance pages: a school's findings (now or on a date), rates by region with
 * drill-down and Excel export, the background re-evaluation with its progress, and
 * rule-set assignment.
 */
@Controller
class ComplianceController {

	private final Compliance compliance;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final JsonMapper json;

	private final ComplianceWorkbook workbook;

	ComplianceController(Compliance compliance, SchoolRegistry schools, Organisations organisations, JsonMapper json,
			ComplianceWorkbook workbook) {
		this.workbook = workbook;
		this.compliance = compliance;
		this.schools = schools;
		this.organisations = organisations;
		this.json = json;
	}

	@GetMapping("/schools/{id}/compliance")
	String school(@PathVariable long id, DataScope scope,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		School school = schools.get(scope, id);
		List<Finding> findings = date == null ? compliance.findings(scope, id) : compliance.findingsOn(scope, id, date);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (ComplianceStatus status : ComplianceStatus.values()) {
			counts.put(status.name(), findings.stream().filter(f -> f.status() == status).count());
		}
		List<Finding> ordered = new ArrayList<>(findings);
		ordered.sort(java.util.Comparator.comparing((Finding f) -> switch (f.status()) {
			case NON_COMPLIANT -> 0;
			case MISSING_DATA -> 1;
			case ADVISORY -> 2;
			case COMPLIANT -> 3;
			case NOT_APPLICABLE -> 4;
		}).thenComparing(Finding::ruleId));
		model.addAttribute("school", school);
		model.addAttribute("findings", ordered);
		model.addAttribute("counts", counts);
		model.addAttribute("date", date);
		model.addAttribute("evaluatedAt", compliance.evaluatedAt(id).map(PlatformTime.SECOND::format).orElse("尚未评估"));
		return "compliance/school";
	}

	@GetMapping("/compliance")
	String rates(CurrentUser user, DataScope scope, @RequestParam(required = false) String region, Model model) {
		Region area = organisations.region(region == null || region.isBlank() ? areaOf(user) : region);
		boolean byStation = area.level() == RegionLevel.COUNTY;
		List<Rate> rates = compliance.rates(scope, area.code());
		Map<String, String> areas = new LinkedHashMap<>();
		Map<String, Map<Metric, Rate>> table = new LinkedHashMap<>();
		for (Rate rate : rates) {
			areas.putIfAbsent(rate.areaKey(), rate.areaName());
			table.computeIfAbsent(rate.areaKey(), k -> new EnumMap<>(Metric.class)).put(rate.metric(), rate);
		}
		model.addAttribute("region", area);
		model.addAttribute("totalName", scopeName(user, scope, area));
		model.addAttribute("parent",
				area.parentCode() == null || area.level() != RegionLevel.COUNTY
						|| !coversRegion(user, scope, area.parentCode()) ? null
								: organisations.region(area.parentCode()));
		model.addAttribute("byStation", byStation);
		model.addAttribute("metrics", Metric.values());
		model.addAttribute("areas", areas);
		model.addAttribute("table", table);
		model.addAttribute("mayEvaluate",
				user.hasAnyRole(Role.SYSTEM_ADMIN, Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN));
		model.addAttribute("chartJson", chart(areas, table));
		return "compliance/rates";
	}

	@GetMapping("/compliance/failing")
	String failing(CurrentUser user, DataScope scope, @RequestParam Metric metric, @RequestParam String region,
			@RequestParam(required = false) Long station, @RequestParam(required = false) Integer page, Model model) {
		Paged<FailingSchool> schools = compliance.failing(scope, metric, region, station, PageRequest.of(page, 50));
		model.addAttribute("metric", metric);
		model.addAttribute("region", region);
		model.addAttribute("areaName", station == null ? scopeName(user, scope, organisations.region(region))
				: organisations.find(station).map(o -> o.name()).orElse(""));
		model.addAttribute("schools", schools);
		model.addAttribute("links",
				PageLinks.to("/compliance/failing")
					.with("metric", metric)
					.with("region", region)
					.with("station", station));
		return "compliance/failing";
	}

	@GetMapping("/compliance/export")
	ResponseEntity<byte[]> export(CurrentUser user, DataScope scope, @RequestParam(required = false) String region) {
		Region area = organisations.region(region == null || region.isBlank() ? areaOf(user) : region);
		List<Rate> rates = compliance.rates(scope, area.code());
		String totalName = scopeName(user, scope, area);
		return Downloads.excel(workbook.write(totalName, rates), totalName + "达标率.xlsx");
	}

	@PostMapping("/compliance/evaluations")
	String startEvaluation(CurrentUser user) {
		EvaluationRun run = compliance.startFullEvaluation(user.username());
		return "redirect:/compliance/evaluations/" + run.id();
	}

	@GetMapping("/compliance/evaluations/{id}")
	String evaluation(@PathVariable long id, Model model) {
		model.addAttribute("run", compliance.run(id).orElseThrow(() -> new NotFoundException("评估任务不存在")));
		return "compliance/run";
	}

	@GetMapping("/admin/rule-sets")
	String ruleSets(@RequestParam(required = false) String region, Model model) {
		String code = region == null || region.isBlank() ? organisations.regions()
			.stream()
			.filter(r -> r.level() == RegionLevel.CITY)
			.map(Region::code)
			.findFirst()
			.orElse(null) : region;
		model.addAttribute("sets", compliance.ruleSets());
		model.addAttribute("regions",
				organisations.regions().stream().filter(r -> r.level() != RegionLevel.PROVINCE).toList());
		model.addAttribute("region", code);
		model.addAttribute("assigned", code == null ? List.of() : compliance.assignedTo(code));
		return "compliance/rule-sets";
	}

	@PostMapping("/admin/rule-sets")
	String assign(CurrentUser user, @RequestParam String region, @RequestParam(required = false) List<String> ruleSets,
			Model model, RedirectAttributes redirect) {
		try {
			compliance.assign(user.username(), region, ruleSets);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			return ruleSets(region, model);
		}
		EvaluationRun run = compliance.startFullEvaluation(user.username());
		redirect.addFlashAttribute("notice", "已保存规则集，正在重新评估全部学校");
		return "redirect:/compliance/evaluations/" + run.id();
	}

	private String chart(Map<String, String> areas, Map<String, Map<Metric, Rate>> table) {
		List<String> names = new ArrayList<>();
		Map<String, List<Double>> series = new LinkedHashMap<>();
		areas.forEach((key, name) -> {
			if (key.equals("*")) {
				return;
			}
			names.add(name);
			for (Metric metric : Metric.values()) {
				Rate rate = table.get(key).get(metric);
				series.computeIfAbsent(metric.label(), m -> new ArrayList<>()).add(rate == null ? 0 : rate.percent());
			}
		});
		List<Map<String, Object>> list = new ArrayList<>();
		series.forEach((name, values) -> list.add(Map.of("name", name, "values", values)));
		return json.writeValueAsString(Map.of("areas", names, "series", list));
	}

	private String scopeName(CurrentUser user, DataScope scope, Region region) {
		return compliance.scopeName(user.organisationId(), scope, region.code());
	}

	private boolean coversRegion(CurrentUser user, DataScope scope, String regionCode) {
		return compliance.coversRegion(user.organisationId(), scope, regionCode);
	}

	private String areaOf(CurrentUser user) {
		return organisations.get(user.organisationId()).regionCode();
	}

	@Component
	static class Rules implements AccessRules {

		@Override
		public void declare(
				AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
			requests.requestMatchers(HttpMethod.POST, "/compliance/evaluations")
				.hasAnyRole(Role.SYSTEM_ADMIN.name(), Role.CITY_EDUCATION_ADMIN.name(),
						Role.COUNTY_EDUCATION_ADMIN.name());
			requests.requestMatchers("/compliance", "/compliance/**", "/api/v1/compliance/**").authenticated();
			requests.requestMatchers("/admin/rule-sets", "/admin/rule-sets/**").hasRole(Role.SYSTEM_ADMIN.name());
		}

	}

}
