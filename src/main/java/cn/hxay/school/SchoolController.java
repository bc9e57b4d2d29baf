package cn.hxay.school;

import cn.hxay.shared.web.FormBinding;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.organisation.RegionLevel;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.web.Downloads;
import cn.hxay.shared.web.PageLinks;
import cn.hxay.shared.web.WorkbookImports;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * School registry pages: list with filters and paging (the table alone for htmx
 * requests), detail, register, edit, Excel import and export.
 */
@Controller
class SchoolController {

	private final SchoolRegistry registry;

	private final SchoolImport importer;

	private final Organisations organisations;

	private final Clock clock;

	private final List<SchoolStatusSource> statusSources;

	SchoolController(SchoolRegistry registry, SchoolImport importer, Organisations organisations, Clock clock,
			List<SchoolStatusSource> statusSources) {
		this.registry = registry;
		this.importer = importer;
		this.organisations = organisations;
		this.clock = clock;
		this.statusSources = statusSources;
	}

	/** The form fields of a school, bound by name from the page. */
	record SchoolForm(String code, String name, SchoolKind kind, Ownership ownership, Locality locality,
			Boolean boarding, Integer students, Integer boarders, Integer staff, String address, BigDecimal longitude,
			BigDecimal latitude, String headmasterName, String headmasterPhone, String safetyLeadName,
			String safetyLeadPhone, Long educationBureauId, Long policeStationId, Long townshipId,
			Boolean keySecurityUnit, Boolean licensed, Integer version) {

		SchoolDetails details() {
			return new SchoolDetails(code, name, kind, ownership, locality, Boolean.TRUE.equals(boarding), students,
					boarders, staff, address, longitude, latitude, headmasterName, headmasterPhone, safetyLeadName,
					safetyLeadPhone, educationBureauId, policeStationId, townshipId,
					Boolean.TRUE.equals(keySecurityUnit), Boolean.TRUE.equals(licensed));
		}

	}

	/**
	 * Values the browser sent that are not even of the right type (e.g. letters in a
	 * number field).
	 */
	private static Map<String, String> typeErrors(BindingResult binding) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach(error -> errors.put(error.getField(), "“" + error.getRejectedValue() + "”格式不正确"));
		return errors;
	}

	@GetMapping("/schools")
	String list(CurrentUser user, DataScope scope, HtmxRequest htmx, @RequestParam(required = false) String q,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long station,
			@RequestParam(required = false) SchoolKind kind, @RequestParam(required = false) Locality locality,
			@RequestParam(required = false) Boolean boarding, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		SchoolFilter filter = new SchoolFilter(q, region, station, kind, locality, boarding);
		Paged<School> schools = registry.search(scope, filter, PageRequest.of(page, size == null ? 20 : size));
		model.addAttribute("schools", schools);
		model.addAttribute("units", registry.unitsOf(schools.items()));
		model.addAttribute("filter", filter);
		model.addAttribute("mayRegister", registry.mayRegister(user));
		model.addAttribute("links",
				PageLinks.to("/schools")
					.with("q", q)
					.with("region", region)
					.with("station", station)
					.with("kind", kind)
					.with("locality", locality)
					.with("boarding", boarding)
					.with("size", size));
		if (htmx.isHtmxRequest() && "school-table".equals(htmx.getTarget())) {
			return "school/list :: table";
		}
		String area = areaOf(user);
		model.addAttribute("counties", countiesIn(area));
		model.addAttribute("stations", organisations.ofKind(OrganisationKind.POLICE_STATION,
				region == null || region.isBlank() ? area : region));
		model.addAttribute("kinds", SchoolKind.values());
		model.addAttribute("localities", Locality.values());
		return "school/list";
	}

	/**
	 * The police-station choices of a county (or of the user's whole area), for the
	 * filter's cascading select.
	 */
	@GetMapping("/schools/station-options")
	String stationOptions(CurrentUser user, @RequestParam(required = false) String region, Model model) {
		String area = region == null || region.isBlank() ? areaOf(user) : region;
		model.addAttribute("stations", organisations.ofKind(OrganisationKind.POLICE_STATION, area));
		return "school/list :: station-options";
	}

	@GetMapping("/schools/{id}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		School school = registry.get(scope, id);
		model.addAttribute("school", school);
		model.addAttribute("d", school.details());
		model.addAttribute("units", registry.unitsOf(List.of(school)));
		model.addAttribute("region", organisations.region(school.regionCode()));
		model.addAttribute("mayChange", registry.mayChange(user, scope, school));
		model.addAttribute("status",
				statusSources.stream()
					.flatMap(source -> source.figures(id, scope).stream())
					.sorted(java.util.Comparator.comparingInt(SchoolStatusSource.Figure::order))
					.toList());
		return "school/show";
	}

	@GetMapping("/schools/new")
	String newForm(CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("form", new SchoolForm(null, null, null, Ownership.PUBLIC, null, false, null, 0, null, null,
				null, null, null, null, null, null, null, null, null, false, true, null));
		addChoices(user, scope, model);
		return "school/form";
	}

	@PostMapping("/schools/new")
	String register(@ModelAttribute("form") SchoolForm form, BindingResult binding, CurrentUser user, DataScope scope,
			Model model, RedirectAttributes redirect) {
		FormBinding.refuseIfUnbuilt(binding);
		if (binding.hasErrors()) {
			model.addAttribute("errors", typeErrors(binding));
			addChoices(user, scope, model);
			return "school/form";
		}
		try {
			School school = registry.register(user, scope, form.details());
			redirect.addFlashAttribute("notice", "已登记学校：" + school.name());
			return "redirect:/schools/" + school.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			addChoices(user, scope, model);
			return "school/form";
		}
	}

	@GetMapping("/schools/{id}/edit")
	String editForm(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		School school = registry.get(scope, id);
		SchoolDetails d = school.details();
		model.addAttribute("school", school);
		model.addAttribute("form",
				new SchoolForm(d.code(), d.name(), d.kind(), d.ownership(), d.locality(), d.boarding(), d.students(),
						d.boarders(), d.staff(), d.address(), d.longitude(), d.latitude(), d.headmasterName(),
						d.headmasterPhone(), d.safetyLeadName(), d.safetyLeadPhone(), d.educationBureauId(),
						d.policeStationId(), d.townshipId(), d.keySecurityUnit(), d.licensed(), school.version()));
		model.addAttribute("mayAssign", registry.mayRegister(user));
		addChoices(user, scope, model);
		return "school/form";
	}

	@PostMapping("/schools/{id}/edit")
	String change(@PathVariable long id, @ModelAttribute("form") SchoolForm form, BindingResult binding,
			CurrentUser user, DataScope scope, Model model, RedirectAttributes redirect) {
		School school = registry.get(scope, id);
		FormBinding.refuseIfUnbuilt(binding);
		if (binding.hasErrors()) {
			model.addAttribute("errors", typeErrors(binding));
			model.addAttribute("school", school);
			model.addAttribute("mayAssign", registry.mayRegister(user));
			addChoices(user, scope, model);
			return "school/form";
		}
		try {
			registry.change(user, scope, id, form.version() == null ? -1 : form.version(), form.details());
			redirect.addFlashAttribute("notice", "已保存");
			return "redirect:/schools/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
		}
		catch (ConcurrentEditException ex) {
			model.addAttribute("errors", Map.of("_", ex.getMessage()));
		}
		model.addAttribute("school", school);
		model.addAttribute("mayAssign", registry.mayRegister(user));
		addChoices(user, scope, model);
		return "school/form";
	}

	@GetMapping("/schools/import")
	String importPage() {
		return "school/import";
	}

	@PostMapping("/schools/import")
	String importWorkbook(@RequestParam("file") MultipartFile file, CurrentUser user, DataScope scope, Model model)
			throws IOException {
		return WorkbookImports.show(file, model, "school/import", in -> importer.run(user, scope, in));
	}

	@GetMapping("/schools/import/template")
	void template(HttpServletResponse response) throws IOException {
		Downloads.stream(response, "学校导入模板.xlsx", Downloads.EXCEL);
		SchoolWorkbook.writeTemplate(response.getOutputStream());
	}

	@GetMapping("/schools/export")
	void export(DataScope scope, @RequestParam(required = false) String q,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long station,
			@RequestParam(required = false) SchoolKind kind, @RequestParam(required = false) Locality locality,
			@RequestParam(required = false) Boolean boarding, HttpServletResponse response) throws IOException {
		SchoolFilter filter = new SchoolFilter(q, region, station, kind, locality, boarding);
		// the file carries every headmaster's and safety lead's phone: audited before it
		// leaves
		registry.recordContactsRead(scope, filter, "导出学校名录 Excel");
		Downloads.stream(response, "学校名录-" + PlatformTime.today(clock) + ".xlsx", Downloads.EXCEL);
		SchoolExport.write(registry, organisations, scope, filter, response.getOutputStream());
	}

	/** The region a user works in: their unit's county, or its city. */
	private String areaOf(CurrentUser user) {
		return organisations.get(user.organisationId()).regionCode();
	}

	private List<Region> countiesIn(String area) {
		Region region = organisations.region(area);
		if (region.level() == RegionLevel.COUNTY) {
			return List.of(region);
		}
		return organisations.countiesOf(region.code());
	}

	private void addChoices(CurrentUser user, DataScope scope, Model model) {
		String area = areaOf(user);
		String city = organisations.region(area).level() == RegionLevel.COUNTY ? Region.cityCodeOf(area) : area;
		List<Organisation> bureaus = new java.util.ArrayList<>();
		bureaus.addAll(organisations.ofKind(OrganisationKind.CITY_EDUCATION_BUREAU, city));
		bureaus.addAll(organisations.ofKind(OrganisationKind.COUNTY_EDUCATION_BUREAU, city));
		model.addAttribute("bureaus", bureaus.stream().filter(b -> scope.covers(b.id())).toList());
		model.addAttribute("stations", organisations.ofKind(OrganisationKind.POLICE_STATION, city));
		model.addAttribute("townships", organisations.ofKind(OrganisationKind.TOWNSHIP, city));
		model.addAttribute("counties", organisations.countiesOf(city));
		model.addAttribute("kinds", SchoolKind.values());
		model.addAttribute("ownerships", Ownership.values());
		model.addAttribute("localities", Locality.values());
	}

}
