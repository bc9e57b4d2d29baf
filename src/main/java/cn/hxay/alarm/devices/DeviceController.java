package cn.hxay.alarm.devices;

import cn.hxay.alarm.Device;
import cn.hxay.alarm.DeviceDetails;
import cn.hxay.alarm.DeviceFilter;
import cn.hxay.alarm.DeviceKind;
import cn.hxay.alarm.DeviceOwner;
import cn.hxay.alarm.Devices;
import cn.hxay.alarm.IssuedToken;
import cn.hxay.alarm.OnlineRule;
import cn.hxay.alarm.RateLevel;
import cn.hxay.alarm.ingestion.IngestCounters;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.organisation.RegionLevel;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Paged;
import cn.hxay.shared.web.PageLinks;
import cn.hxay.shared.web.WorkbookImports;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * Device registry pages: list with filters and paging (also per school), a device with
 * the reason for its status, registration, token reset, Excel import and export, and
 * networking rates.
 */
@Controller
class DeviceController {

	static final DateTimeFormatter TIME = PlatformTime.SECOND;

	private final Devices devices;

	private final DeviceImport importer;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final IngestCounters counters;

	private final Clock clock;

	DeviceController(Devices devices, DeviceImport importer, SchoolRegistry schools, Organisations organisations,
			IngestCounters counters, Clock clock) {
		this.clock = clock;
		this.devices = devices;
		this.importer = importer;
		this.schools = schools;
		this.organisations = organisations;
		this.counters = counters;
	}

	/** The form fields; the school is named by its 10-digit code. */
	record DeviceForm(String code, String schoolCode, DeviceKind kind, String place, String vendor, String model,
			Boolean mustBeNetworked) {

		DeviceDetails details(Long schoolId) {
			return new DeviceDetails(code, schoolId, kind, place, vendor, model,
					!Boolean.FALSE.equals(mustBeNetworked));
		}

	}

	private Long schoolIdOf(DataScope scope, String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return schools.search(scope, new SchoolFilter(code.strip(), null, null, null, null, null), PageRequest.of(0, 5))
			.items()
			.stream()
			.filter(s -> s.code().equals(code.strip()))
			.map(School::id)
			.findFirst()
			.orElse(-1L);
	}

	@GetMapping("/devices")
	String list(CurrentUser user, DataScope scope, HtmxRequest htmx, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long school, @RequestParam(required = false) String region,
			@RequestParam(required = false) Long station, @RequestParam(required = false) DeviceKind kind,
			@RequestParam(required = false) Boolean online, @RequestParam(required = false) DeviceOwner owner,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		DeviceFilter filter = new DeviceFilter(q, school, region, station, kind, online, owner);
		Paged<Device> found = devices.search(scope, filter, PageRequest.of(page, size));
		model.addAttribute("devices", found);
		model.addAttribute("verdicts",
				found.items().stream().collect(java.util.stream.Collectors.toMap(Device::id, d -> devices.status(d))));
		model.addAttribute("filter", filter);
		model.addAttribute("time", TIME);
		model.addAttribute("mayRegister", devices.mayRegister(user));
		model.addAttribute("mayRegisterAtVenue", devices.mayRegisterAtVenue(user));
		model.addAttribute("owners", DeviceOwner.values());
		model.addAttribute("links",
				PageLinks.to("/devices")
					.with("q", q)
					.with("school", school)
					.with("region", region)
					.with("station", station)
					.with("kind", kind)
					.with("online", online)
					.with("owner", owner)
					.with("size", size));
		if (school != null) {
			model.addAttribute("school", schools.get(scope, school));
			model.addAttribute("rates",
					devices.rates(scope, RateLevel.SCHOOL, null, null)
						.stream()
						.filter(r -> r.key().equals(Long.toString(school)))
						.toList());
		}
		if (htmx.isHtmxRequest() && "device-table".equals(htmx.getTarget())) {
			return "alarm/devices :: table";
		}
		String area = organisations.get(user.organisationId()).regionCode();
		Region areaRegion = organisations.region(area);
		model.addAttribute("counties",
				areaRegion.level() == RegionLevel.COUNTY ? List.of(areaRegion) : organisations.countiesOf(area));
		model.addAttribute("stations",
				organisations.ofKind(OrganisationKind.POLICE_STATION, area)
					.stream()
					.filter(s -> scope.unrestricted() || !scope.policeData() || scope.covers(s.id()))
					.toList());
		model.addAttribute("kinds", DeviceKind.values());
		model.addAttribute("rule", devices.rule());
		return "alarm/devices";
	}

	@GetMapping("/devices/{id:\\d+}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		Device device = devices.get(scope, id);
		model.addAttribute("device", device);
		model.addAttribute("verdict", devices.status(device));
		model.addAttribute("time", TIME);
		model.addAttribute("mayRegister", devices.mayManage(user, device));
		model.addAttribute("units", organisations.byIds(Arrays.asList(device.bureauId(), device.stationId())));
		model.addAttribute("outages", devices.outagesOf(scope, id));
		model.addAttribute("now", clock.instant());
		return "alarm/device";
	}

	@GetMapping("/devices/new")
	String newForm(CurrentUser user, DataScope scope, @RequestParam(required = false) Long school, Model model) {
		String schoolCode = school == null ? null : schools.get(scope, school).code();
		model.addAttribute("form", new DeviceForm(null, schoolCode, null, null, null, null, true));
		addChoices(model);
		return "alarm/device-form";
	}

	/**
	 * The form as typed when a field could not be bound (e.g. an unknown kind): every
	 * typed value kept, the unbindable kind left empty.
	 */
	private static DeviceForm typed(HttpServletRequest request) {
		return new DeviceForm(request.getParameter("code"), request.getParameter("schoolCode"), null,
				request.getParameter("place"), request.getParameter("vendor"), request.getParameter("model"),
				!"false".equals(request.getParameter("mustBeNetworked")));
	}

	@PostMapping("/devices/new")
	String register(@ModelAttribute("form") DeviceForm form, BindingResult binding, CurrentUser user, DataScope scope,
			HttpServletRequest request, Model model) {
		if (binding.hasErrors()) {
			model.addAttribute("form", typed(request));
			model.addAttribute("errors", Map.of("kind", "请选择设备类型"));
			addChoices(model);
			return "alarm/device-form";
		}
		try {
			IssuedToken issued = devices.register(user, scope, form.details(schoolIdOf(scope, form.schoolCode())));
			model.addAttribute("issued", List.of(issued));
			return "alarm/device-token";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			addChoices(model);
			return "alarm/device-form";
		}
	}

	@GetMapping("/devices/{id:\\d+}/edit")
	String editForm(@PathVariable long id, DataScope scope, Model model) {
		Device d = devices.get(scope, id);
		model.addAttribute("device", d);
		model.addAttribute("form", new DeviceForm(d.code(), d.schoolCode(), d.kind(), d.place(), d.vendor(), d.model(),
				d.mustBeNetworked()));
		model.addAttribute("version", d.version());
		addChoices(model);
		return "alarm/device-form";
	}

	@PostMapping("/devices/{id:\\d+}/edit")
	String change(@PathVariable long id, @ModelAttribute("form") DeviceForm form, BindingResult binding,
			@RequestParam(required = false) Integer version, CurrentUser user, DataScope scope,
			HttpServletRequest request, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		Device device = devices.get(scope, id);
		try {
			if (binding.hasErrors()) {
				model.addAttribute("form", typed(request));
				throw new InvalidInputException("kind", "请选择设备类型");
			}
			devices.change(user, scope, id, version == null ? -1 : version,
					form.details(schoolIdOf(scope, form.schoolCode())));
			redirect.addFlashAttribute("notice", "已保存");
			return "redirect:/devices/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
		}
		catch (cn.hxay.shared.ConcurrentEditException ex) {
			model.addAttribute("errors", Map.of("_", ex.getMessage()));
		}
		model.addAttribute("device", device);
		model.addAttribute("version", version);
		addChoices(model);
		return "alarm/device-form";
	}

	@PostMapping("/devices/{id:\\d+}/token")
	String resetToken(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("issued", List.of(devices.resetToken(user, scope, id)));
		return "alarm/device-token";
	}

	@GetMapping("/devices/import")
	String importPage() {
		return "alarm/device-import";
	}

	@PostMapping("/devices/import")
	String importWorkbook(@RequestParam("file") MultipartFile file, CurrentUser user, DataScope scope, Model model)
			throws IOException {
		return WorkbookImports.show(file, model, "alarm/device-import", in -> importer.run(user, scope, in));
	}

	/**
	 * A form posted to the import without a file part: 400 on the import page, not 500.
	 */
	@ExceptionHandler(MultipartException.class)
	ModelAndView notAnUpload(MultipartException ex) {
		if (ex instanceof MaxUploadSizeExceededException tooLarge) {
			throw tooLarge;
		}
		ModelAndView page = new ModelAndView("alarm/device-import", HttpStatus.BAD_REQUEST);
		page.addObject("problems", List.of("请选择要导入的 Excel 文件 (以文件上传方式提交)"));
		return page;
	}

	@GetMapping("/devices/import/template")
	void template(HttpServletResponse response) throws IOException {
		attachment(response, "设备导入模板.xlsx");
		DeviceWorkbook.writeTemplate(response.getOutputStream());
	}

	@GetMapping("/devices/export")
	void export(DataScope scope, @RequestParam(required = false) String q, @RequestParam(required = false) Long school,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long station,
			@RequestParam(required = false) DeviceKind kind, @RequestParam(required = false) Boolean online,
			@RequestParam(required = false) DeviceOwner owner, HttpServletResponse response) throws IOException {
		DeviceFilter filter = new DeviceFilter(q, school, region, station, kind, online, owner);
		attachment(response, "设备名录-" + PlatformTime.today(clock) + ".xlsx");
		DeviceWorkbook.write(response.getOutputStream(), sink -> devices.forEach(scope, filter, d -> {
			OnlineRule.Verdict verdict = devices.status(d);
			sink.accept(Arrays.asList(d.code(), d.schoolCode(), d.kind().label(), d.place(), d.vendor(), d.model(),
					d.mustBeNetworked() ? "是" : "否", d.ownerName(), verdict.online() ? "在线" : "离线",
					d.lastHeartbeatAt() == null ? null : TIME.format(d.lastHeartbeatAt())));
		}));
	}

	/** Open outages a page of the networking-rates page lists. */
	static final int OUTAGE_PAGE = 100;

	@GetMapping("/devices/rates")
	String rates(CurrentUser user, DataScope scope, @RequestParam(required = false) RateLevel level,
			@RequestParam(required = false) Long station, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "1") int outagePage, Model model) {
		RateLevel shown = level == null ? RateLevel.COUNTY : level;
		model.addAttribute("level", shown);
		model.addAttribute("levels", RateLevel.values());
		model.addAttribute("rates", devices.rates(scope, shown, station, region));
		model.addAttribute("total", List.of(devices.total(user, scope, station, region)));
		model.addAttribute("rule", devices.rule());
		model.addAttribute("counters", counters.snapshot(scope));
		// every open outage, a page at a time, longest first: the pages hold all those
		// the
		// start page counts as past the 24 h repair limit
		long open = devices.openOutageCount(scope);
		int pages = (int) Math.max(1, (open + OUTAGE_PAGE - 1) / OUTAGE_PAGE);
		int page = Math.min(Math.max(outagePage, 1), pages);
		model.addAttribute("outages", devices.openOutages(scope, OUTAGE_PAGE, (page - 1) * OUTAGE_PAGE));
		model.addAttribute("openOutages", open);
		model.addAttribute("overdueOutages", devices.overdueOutageCount(scope));
		model.addAttribute("outagePage", page);
		model.addAttribute("outagePages", pages);
		model.addAttribute("now", clock.instant());
		model.addAttribute("time", TIME);
		return "alarm/rates";
	}

	private static void addChoices(Model model) {
		model.addAttribute("kinds", DeviceKind.values());
	}

	private static void attachment(HttpServletResponse response, String fileName) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
				+ URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
	}

}
