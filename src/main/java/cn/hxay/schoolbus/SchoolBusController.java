package cn.hxay.schoolbus;

import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.web.Downloads;
import cn.hxay.shared.web.FormBinding;
import cn.hxay.shared.web.StatusFigures;
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
 * School-bus pages: the lapsing dates in scope (figures opening their lists, Excel), one
 * school's buses, drivers and routes, and the three registration forms, made for a phone.
 */
@Controller
class SchoolBusController {

	private static final Map<String, String> LABELS = Map.of("schoolId", "学校", "seats", "核载座位数", "signValidUntil",
			"校车标牌有效期（格式 yyyy-MM-dd）", "inspectionValidUntil", "安全技术检验有效期（格式 yyyy-MM-dd）", "licenceValidUntil",
			"驾驶证有效期（格式 yyyy-MM-dd）", "lastTrainingOn", "培训日期（格式 yyyy-MM-dd）", "approvedOn", "批准日期（格式 yyyy-MM-dd）");

	private final SchoolBuses buses;

	private final SchoolRegistry schools;

	private final BusWorkbook workbook;

	SchoolBusController(SchoolBuses buses, SchoolRegistry schools, BusWorkbook workbook) {
		this.buses = buses;
		this.schools = schools;
		this.workbook = workbook;
	}

	@GetMapping("/school-buses")
	String list(CurrentUser user, DataScope scope, @RequestParam(required = false) ExpiryStatus status, Model model) {
		model.addAttribute("items",
				StatusFigures.show(model, ExpiryStatus.class, buses.expiries(scope, null), ExpiryItem::status, status));
		model.addAttribute("warnDays", buses.warnDays());
		model.addAttribute("today", buses.today());
		model.addAttribute("ownSchool", schools.ownSchool(scope, user));
		return "schoolbus/list";
	}

	@GetMapping("/school-buses/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, @RequestParam(required = false) ExpiryStatus status) {
		List<ExpiryItem> items = StatusFigures.only(buses.expiries(scope, null), ExpiryItem::status, status);
		return Downloads.excel(workbook.write(items, buses.today()), "校车证照到期情况.xlsx");
	}

	@GetMapping("/school-buses/schools/{id}")
	String school(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		School school = schools.get(scope, id);
		model.addAttribute("school", school);
		model.addAttribute("buses", buses.buses(scope, id));
		model.addAttribute("drivers", buses.drivers(scope, id));
		model.addAttribute("routes", buses.routes(scope, id));
		model.addAttribute("items", buses.expiries(scope, id));
		model.addAttribute("mayRecord", buses.mayRecord(user));
		return "schoolbus/school";
	}

	@GetMapping("/school-buses/new")
	String busForm(@RequestParam(required = false) Long schoolId, CurrentUser user, DataScope scope, Model model) {
		School school = school(user, scope, schoolId);
		model.addAttribute("form", BusForm.empty(school.id()));
		return form("bus", school, model);
	}

	@PostMapping("/school-buses")
	String saveBus(CurrentUser user, DataScope scope, @ModelAttribute("form") BusForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		try {
			FormBinding.refuse(binding, LABELS);
			Bus b = buses.saveBus(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记校车 " + b.plate());
			return "redirect:/school-buses/schools/" + b.schoolId();
		}
		catch (InvalidInputException ex) {
			BusForm shown = form != null ? form : new BusForm(FormBinding.typedLong(binding, "schoolId"),
					FormBinding.typed(binding, "plate"), null, FormBinding.typed(binding, "signNumber"), null, null);
			return refused(ex, shown.schoolId(), "bus", shown, binding, scope, model, response, "seats",
					"signValidUntil", "inspectionValidUntil");
		}
	}

	@GetMapping("/school-buses/drivers/new")
	String driverForm(@RequestParam(required = false) Long schoolId, CurrentUser user, DataScope scope, Model model) {
		School school = school(user, scope, schoolId);
		model.addAttribute("form", DriverForm.empty(school.id()));
		return form("driver", school, model);
	}

	@PostMapping("/school-buses/drivers")
	String saveDriver(CurrentUser user, DataScope scope, @ModelAttribute("form") DriverForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		try {
			FormBinding.refuse(binding, LABELS);
			Driver d = buses.saveDriver(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记校车驾驶人 " + d.name());
			return "redirect:/school-buses/schools/" + d.schoolId();
		}
		catch (InvalidInputException ex) {
			DriverForm shown = form != null ? form : new DriverForm(FormBinding.typedLong(binding, "schoolId"),
					FormBinding.typed(binding, "name"), FormBinding.typed(binding, "licenceClass"), null, null);
			return refused(ex, shown.schoolId(), "driver", shown, binding, scope, model, response, "licenceValidUntil",
					"lastTrainingOn");
		}
	}

	@GetMapping("/school-buses/routes/new")
	String routeForm(@RequestParam(required = false) Long schoolId, CurrentUser user, DataScope scope, Model model) {
		School school = school(user, scope, schoolId);
		model.addAttribute("form", RouteForm.empty(school.id()));
		return form("route", school, model);
	}

	@PostMapping("/school-buses/routes")
	String saveRoute(CurrentUser user, DataScope scope, @ModelAttribute("form") RouteForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		try {
			FormBinding.refuse(binding, LABELS);
			Route r = buses.saveRoute(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记线路 " + r.name());
			return "redirect:/school-buses/schools/" + r.schoolId();
		}
		catch (InvalidInputException ex) {
			RouteForm shown = form != null ? form
					: new RouteForm(FormBinding.typedLong(binding, "schoolId"), FormBinding.typed(binding, "name"),
							FormBinding.typed(binding, "stops"), FormBinding.typed(binding, "plate"),
							FormBinding.typed(binding, "approvalNumber"), null);
			return refused(ex, shown.schoolId(), "route", shown, binding, scope, model, response, "approvedOn");
		}
	}

	private String refused(InvalidInputException ex, Long schoolId, String which, Object shown, BindingResult binding,
			DataScope scope, Model model, HttpServletResponse response, String... typedFields) {
		if (schoolId == null) {
			throw ex;
		}
		School school = schools.get(scope, schoolId);
		FormBinding.showAgain(ex, shown, binding, model, response, typedFields);
		return form(which, school, model);
	}

	private String form(String which, School school, Model model) {
		model.addAttribute("school", school);
		model.addAttribute("which", which);
		model.addAttribute("today", buses.today());
		return "schoolbus/form";
	}

	private School school(CurrentUser user, DataScope scope, Long schoolId) {
		mustRecord(user);
		return schools.chosenOrOwn(scope, schoolId, user, "请先选择学校");
	}

	private void mustRecord(CurrentUser user) {
		if (!buses.mayRecord(user)) {
			throw new ForbiddenException("只有学校安全负责人和教育行政部门可以登记校车信息");
		}
	}

}
