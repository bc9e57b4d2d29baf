package cn.hxay.dispute;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Region;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
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
 * Dispute pages: the register with filters and paging, the registration form, one dispute
 * with its escalation and resolution forms, and the Excel export. Refused input shows the
 * page again with 400 and the values as typed.
 */
@Controller
class DisputeController {

	private static final Map<String, String> LABELS = Map.of("schoolId", "涉及学校", "kind", "纠纷类别", "deadline",
			"化解期限（格式 yyyy-MM-dd）");

	private static final String[] FIELDS = { "schoolId", "kind", "title", "description", "parties", "responsibleUnit",
			"responsibleOfficer", "deadline" };

	private final Disputes disputes;

	DisputeController(Disputes disputes) {
		this.disputes = disputes;
	}

	@GetMapping("/disputes")
	String list(CurrentUser user, DataScope scope, @ModelAttribute("query") DisputeQuery query,
			@RequestParam(required = false) Integer page, Model model) {
		DisputeFilter filter = query.filter();
		Paged<Dispute> found = disputes.search(user, scope, filter, PageRequest.of(page, 20));
		model.addAttribute("disputes", found);
		model.addAttribute("filter", filter);
		model.addAttribute("kinds", DisputeKind.values());
		model.addAttribute("statuses", DisputeStatus.values());
		model.addAttribute("counties", disputes.counties());
		model.addAttribute("countyNames", countyNames());
		model.addAttribute("today", disputes.today());
		model.addAttribute("links", query.links("/disputes"));
		model.addAttribute("exportLink", query.links("/disputes").as("/disputes/export.xlsx"));
		model.addAttribute("mayWrite", Disputes.mayWrite(user));
		return "dispute/list";
	}

	@GetMapping("/disputes/export.xlsx")
	ResponseEntity<byte[]> export(CurrentUser user, DataScope scope, @ModelAttribute("query") DisputeQuery query) {
		return Downloads.excel(
				DisputeWorkbook.write(disputes.export(user, scope, query.filter()), countyNames(), disputes.today()),
				"矛盾纠纷台账.xlsx");
	}

	@GetMapping("/disputes/new")
	String create(CurrentUser user, DataScope scope, Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("deadline", disputes.today().plusDays(30).toString());
		return form(user, scope, values, Map.of(), model);
	}

	@PostMapping("/disputes")
	String register(CurrentUser user, DataScope scope, @ModelAttribute("form") NewDispute form, BindingResult binding,
			HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			Dispute d = disputes.register(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记：" + d.title());
			return "redirect:/disputes/" + d.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(user, scope, typed(request, FIELDS), ex.byField(), model);
		}
	}

	private String form(CurrentUser user, DataScope scope, Map<String, String> values, Map<String, String> errors,
			Model model) {
		model.addAttribute("schools", disputes.schoolsFor(user, scope));
		model.addAttribute("countyNames", countyNames());
		model.addAttribute("kinds", DisputeKind.values());
		model.addAttribute("v", values);
		model.addAttribute("errors", errors);
		return "dispute/new";
	}

	@GetMapping("/disputes/{id:\\d+}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		return show(id, user, scope, null, "", Map.of(), model);
	}

	@PostMapping("/disputes/{id:\\d+}/escalate")
	String escalate(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("step") DisputeStep step,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, user, scope, step, binding, "escalate", model, response, redirect);
	}

	@PostMapping("/disputes/{id:\\d+}/resolve")
	String resolve(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("step") DisputeStep step,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return step(id, user, scope, step, binding, "resolve", model, response, redirect);
	}

	private String step(long id, CurrentUser user, DataScope scope, DisputeStep step, BindingResult binding,
			String name, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			Dispute d = name.equals("resolve") ? disputes.resolve(user, scope, id, step)
					: disputes.escalate(user, scope, id, step);
			redirect.addFlashAttribute("notice", name.equals("resolve") ? "已登记化解结果" : "已上报升级");
			return "redirect:/disputes/" + d.id();
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			response.setStatus(ex instanceof InvalidInputException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			Map<String, String> errors = ex instanceof InvalidInputException invalid ? invalid.byField()
					: Map.of("_", ex.getMessage());
			return show(id, user, scope, name, step == null || step.text() == null ? "" : step.text(), errors, model);
		}
	}

	private String show(long id, CurrentUser user, DataScope scope, String failed, String typed,
			Map<String, String> errors, Model model) {
		Dispute d = disputes.get(user, scope, id);
		model.addAttribute("d", d);
		model.addAttribute("countyNames", countyNames());
		model.addAttribute("overdue", d.overdue(disputes.today()));
		model.addAttribute("mayWrite", Disputes.mayWrite(user) && d.status() == DisputeStatus.OPEN);
		model.addAttribute("failed", failed);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return "dispute/show";
	}

	private Map<String, String> countyNames() {
		return Region.namesByCode(disputes.counties());
	}

	private static Map<String, String> typed(HttpServletRequest request, String... fields) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String f : fields) {
			String v = request.getParameter(f);
			values.put(f, v == null ? "" : v);
		}
		return values;
	}

}
