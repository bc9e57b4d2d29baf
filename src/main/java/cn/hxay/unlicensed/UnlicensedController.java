package cn.hxay.unlicensed;

import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Region;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
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
 * Pages of the unlicensed-institution ledger: the list with filters and paging, the
 * registration form, one case with its steps and the moves 办证销号, 取缔销号 and 复查, and the
 * Excel export. Refused input shows the page again with 400 and the values as typed.
 */
@Controller
class UnlicensedController {

	private static final Map<String, String> LABELS = Map.of("version", "版本");

	private final UnlicensedInstitutions institutions;

	UnlicensedController(UnlicensedInstitutions institutions) {
		this.institutions = institutions;
	}

	@GetMapping("/unlicensed-institutions")
	String list(CurrentUser user, DataScope scope, @ModelAttribute("query") InstitutionQuery query,
			@RequestParam(required = false) Integer page, Model model) {
		InstitutionFilter filter = query.filter();
		Paged<UnlicensedInstitution> found = institutions.search(user, scope, filter, PageRequest.of(page, 20));
		model.addAttribute("institutions", found);
		model.addAttribute("filter", filter);
		model.addAttribute("kinds", InstitutionKind.values());
		model.addAttribute("statuses", InstitutionStatus.values());
		model.addAttribute("counties", institutions.counties());
		model.addAttribute("countyNames", countyNames());
		model.addAttribute("today", institutions.today());
		model.addAttribute("links", query.links("/unlicensed-institutions"));
		model.addAttribute("exportLink",
				query.links("/unlicensed-institutions").as("/unlicensed-institutions/export.xlsx"));
		model.addAttribute("mayWrite", UnlicensedInstitutions.mayWrite(user));
		return "unlicensed/list";
	}

	@GetMapping("/unlicensed-institutions/export.xlsx")
	ResponseEntity<byte[]> export(CurrentUser user, DataScope scope, @ModelAttribute("query") InstitutionQuery query) {
		return Downloads.excel(InstitutionWorkbook.write(institutions.export(user, scope, query.filter()),
				countyNames(), institutions.today()), "无证办学台账.xlsx");
	}

	@GetMapping("/unlicensed-institutions/new")
	String create(CurrentUser user, DataScope scope, Model model) {
		if (!UnlicensedInstitutions.mayWrite(user)) {
			throw new ForbiddenException("您不能登记无证办学记录");
		}
		return form(scope,
				NewInstitution.blank(institutions.today().toString(), institutions.today().plusDays(30).toString()),
				Map.of(), model);
	}

	@PostMapping("/unlicensed-institutions")
	String register(CurrentUser user, DataScope scope, @ModelAttribute("form") NewInstitution form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			UnlicensedInstitution u = institutions.register(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记：" + u.name() + "，限期 " + u.deadline() + " 前办证");
			return "redirect:/unlicensed-institutions/" + u.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(scope, form, ex.byField(), model);
		}
	}

	private String form(DataScope scope, NewInstitution form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", InstitutionKind.values());
		model.addAttribute("stations", institutions.stationsFor(scope));
		model.addAttribute("townships", institutions.townshipsFor(scope));
		model.addAttribute("countyNames", countyNames());
		return "unlicensed/new";
	}

	@GetMapping("/unlicensed-institutions/{id:\\d+}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		return show(id, user, scope, "", null, Map.of(), model);
	}

	@PostMapping("/unlicensed-institutions/{id:\\d+}/license")
	String license(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("move") LedgerMove move,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return move("license", id, user, scope, move, binding, model, response, redirect);
	}

	@PostMapping("/unlicensed-institutions/{id:\\d+}/ban")
	String ban(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("move") LedgerMove move,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return move("ban", id, user, scope, move, binding, model, response, redirect);
	}

	@PostMapping("/unlicensed-institutions/{id:\\d+}/recheck")
	String recheck(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("move") LedgerMove move,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return move("recheck", id, user, scope, move, binding, model, response, redirect);
	}

	private String move(String name, long id, CurrentUser user, DataScope scope, LedgerMove move, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			UnlicensedInstitution u = switch (name) {
				case "license" -> institutions.license(user, scope, id, move);
				case "ban" -> institutions.ban(user, scope, id, move);
				default -> institutions.recheck(user, scope, id, move);
			};
			redirect.addFlashAttribute("notice",
					u.id() != id ? "复查发现重新开办，已重新立案（编号 " + u.id() + "）" : "已办理：" + u.status().label());
			return "redirect:/unlicensed-institutions/" + u.id();
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			response.setStatus(ex instanceof InvalidInputException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			Map<String, String> errors = ex instanceof InvalidInputException invalid ? invalid.byField()
					: Map.of("_", ex.getMessage());
			return show(id, user, scope, name, move, errors, model);
		}
	}

	private String show(long id, CurrentUser user, DataScope scope, String failed, LedgerMove typed,
			Map<String, String> errors, Model model) {
		UnlicensedInstitution u = institutions.get(user, scope, id);
		model.addAttribute("u", u);
		model.addAttribute("steps", institutions.steps(user, scope, id));
		model.addAttribute("reopenedAs", institutions.reopenedAs(id).orElse(null));
		model.addAttribute("countyNames", countyNames());
		model.addAttribute("stationName", unitName(u.policeStationId()));
		model.addAttribute("townshipName", u.townshipId() == null ? "—" : unitName(u.townshipId()));
		model.addAttribute("today", institutions.today());
		model.addAttribute("mayWrite", UnlicensedInstitutions.mayWrite(user));
		model.addAttribute("failed", failed);
		model.addAttribute("typed", typed == null ? new LedgerMove("", "", "", "", "") : typed);
		model.addAttribute("errors", errors);
		model.addAttribute("defaultDeadline", institutions.today().plusDays(30).toString());
		return "unlicensed/show";
	}

	private String unitName(long id) {
		return institutions.unitName(id);
	}

	private Map<String, String> countyNames() {
		return Region.namesByCode(institutions.counties());
	}

}
