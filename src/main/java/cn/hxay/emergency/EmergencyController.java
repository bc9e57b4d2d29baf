package cn.hxay.emergency;

import java.math.BigDecimal;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.web.FormBinding;
import cn.hxay.shared.web.StatusFigures;
import jakarta.servlet.http.HttpServletResponse;

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
 * Emergency pages: the current plans in scope with their review status (figures opening
 * their lists), one school's plans (every version) and accidents, the plan and accident
 * forms, and the accident list.
 */
@Controller
class EmergencyController {

	private static final Map<String, String> LABELS = Map.of("schoolId", "学校", "type", "预案类型", "approvedOn",
			"印发日期（格式 yyyy-MM-dd）", "reviewDue", "下次评审日期（格式 yyyy-MM-dd）", "occurredOn", "发生日期（格式 yyyy-MM-dd）", "kind",
			"事故类别", "injured", "受伤人数", "insurance", "保险理赔情况", "claimAmount", "理赔金额");

	private static final Map<String, String> FOLLOW_UP_LABELS = Map.of("kind", "续报类别", "insurance", "理赔状态",
			"claimAmount", "理赔金额（元）");

	private final EmergencyPlans plans;

	private final SchoolRegistry schools;

	EmergencyController(EmergencyPlans plans, SchoolRegistry schools) {
		this.plans = plans;
		this.schools = schools;
	}

	@GetMapping("/emergency")
	String list(CurrentUser user, DataScope scope, @RequestParam(required = false) ReviewStatus status, Model model) {
		model.addAttribute("plans",
				StatusFigures.show(model, ReviewStatus.class, plans.plans(scope, null), Plan::status, status));
		model.addAttribute("today", plans.today());
		model.addAttribute("warnDays", plans.warnDays());
		model.addAttribute("ownSchool", schools.ownSchool(scope, user));
		return "emergency/list";
	}

	@GetMapping("/emergency/accidents")
	String accidents(DataScope scope, Model model) {
		model.addAttribute("accidents", plans.accidents(scope, null));
		return "emergency/accidents";
	}

	@GetMapping("/emergency/schools/{id}")
	String school(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		School school = schools.get(scope, id);
		model.addAttribute("school", school);
		model.addAttribute("plans", plans.plans(scope, id, true, plans.today()));
		model.addAttribute("accidents", plans.accidents(scope, id));
		model.addAttribute("mayRecord", plans.mayRecord(user));
		return "emergency/school";
	}

	@GetMapping("/emergency/plans/new")
	String planForm(@RequestParam(required = false) Long schoolId, CurrentUser user, DataScope scope, Model model) {
		School school = school(user, scope, schoolId);
		model.addAttribute("form", PlanForm.empty(school.id()));
		return form("plan", school, model);
	}

	@PostMapping("/emergency/plans")
	String file(CurrentUser user, DataScope scope, @ModelAttribute("form") PlanForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		try {
			FormBinding.refuse(binding, LABELS);
			Plan p = plans.file(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记" + p.type().label() + "应急预案（第 " + p.version() + " 版）");
			return "redirect:/emergency/schools/" + p.schoolId();
		}
		catch (InvalidInputException ex) {
			PlanForm shown = form != null ? form
					: new PlanForm(FormBinding.typedLong(binding, "schoolId"),
							FormBinding.typedChoice(PlanType.class, binding, "type"),
							FormBinding.typed(binding, "title"), null, null);
			return refused(ex, shown.schoolId(), "plan", shown, binding, scope, model, response, "approvedOn",
					"reviewDue");
		}
	}

	@GetMapping("/emergency/accidents/new")
	String accidentForm(@RequestParam(required = false) Long schoolId, CurrentUser user, DataScope scope, Model model) {
		School school = school(user, scope, schoolId);
		model.addAttribute("form", AccidentForm.empty(school.id()));
		return form("accident", school, model);
	}

	@PostMapping("/emergency/accidents")
	String report(CurrentUser user, DataScope scope, @ModelAttribute("form") AccidentForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		try {
			FormBinding.refuse(binding, LABELS);
			Accident a = plans.report(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记事故报告");
			return "redirect:/emergency/schools/" + a.schoolId();
		}
		catch (InvalidInputException ex) {
			AccidentForm shown = form != null ? form
					: new AccidentForm(FormBinding.typedLong(binding, "schoolId"), null,
							FormBinding.typedChoice(AccidentKind.class, binding, "kind"),
							FormBinding.typed(binding, "description"), null, FormBinding.typed(binding, "handling"),
							FormBinding.typedChoice(Insurance.class, binding, "insurance"),
							FormBinding.typed(binding, "claimNumber"), (BigDecimal) null,
							FormBinding.typed(binding, "mediation"));
			return refused(ex, shown.schoolId(), "accident", shown, binding, scope, model, response, "occurredOn",
					"injured", "claimAmount");
		}
	}

	@GetMapping("/emergency/accidents/{id}")
	String accident(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("form", FollowUpForm.empty());
		return accidentPage(id, user, scope, model);
	}

	@PostMapping("/emergency/accidents/{id}/follow-ups")
	String followUp(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("form") FollowUpForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustRecord(user);
		try {
			FormBinding.refuse(binding, FOLLOW_UP_LABELS);
			AccidentFollowUp f = plans.followUp(user, scope, id, form);
			redirect.addFlashAttribute("notice", "已续报" + f.kind().label());
			return "redirect:/emergency/accidents/" + id;
		}
		catch (InvalidInputException ex) {
			plans.accident(scope, id);
			FollowUpForm shown = form != null ? form
					: new FollowUpForm(FormBinding.typedChoice(FollowUpKind.class, binding, "kind"),
							FormBinding.typed(binding, "body"),
							FormBinding.typedChoice(Insurance.class, binding, "insurance"),
							FormBinding.typed(binding, "claimNumber"), null);
			FormBinding.showAgain(ex, shown, binding, model, response, "claimAmount");
			return accidentPage(id, user, scope, model);
		}
	}

	/** The accident with its timeline: the first report, then each follow-up in order. */
	private String accidentPage(long id, CurrentUser user, DataScope scope, Model model) {
		Accident accident = plans.accident(scope, id);
		model.addAttribute("a", accident);
		model.addAttribute("followUps", plans.followUps(scope, id));
		model.addAttribute("followKinds", FollowUpKind.values());
		model.addAttribute("insurances", Insurance.values());
		model.addAttribute("mayRecord", plans.mayRecord(user));
		return "emergency/accident";
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
		model.addAttribute("today", plans.today());
		model.addAttribute("types", PlanType.values());
		model.addAttribute("kinds", AccidentKind.values());
		model.addAttribute("insurances", Insurance.values());
		return "emergency/form";
	}

	private School school(CurrentUser user, DataScope scope, Long schoolId) {
		mustRecord(user);
		return schools.chosenOrOwn(scope, schoolId, user, "请先选择学校");
	}

	private void mustRecord(CurrentUser user) {
		if (!plans.mayRecord(user)) {
			throw new ForbiddenException("只有学校安全负责人和教育行政部门可以登记应急预案和事故");
		}
	}

}
