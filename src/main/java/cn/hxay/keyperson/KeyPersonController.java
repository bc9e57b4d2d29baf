package cn.hxay.keyperson;

import cn.hxay.shared.web.Downloads;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Key-person pages for police: the list with filters and the Excel export, the record
 * with its plan, visits, history and nearby schools, the create/edit form, a visit form
 * for phones, and the status, transfer and reveal forms. A refused form comes back with
 * status 400, every typed value and a Chinese message per field; nothing is written.
 */
@Controller
class KeyPersonController {

	private static final int PAGE_SIZE = 20;

	private final KeyPersons keyPersons;

	private final KeyPersonWorkbook workbook;

	private final Clock clock;

	KeyPersonController(KeyPersons keyPersons, KeyPersonWorkbook workbook, Clock clock) {
		this.keyPersons = keyPersons;
		this.workbook = workbook;
		this.clock = clock;
	}

	@GetMapping("/key-persons")
	String list(CurrentUser user, DataScope scope, @RequestParam(required = false) String category,
			@RequestParam(required = false) RiskLevel risk, @RequestParam(required = false) ControlStatus status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer page, Model model) {
		KeyPersonFilter filter = new KeyPersonFilter(category, risk, status, overdue, name, null);
		return list(user, scope, filter, page, model);
	}

	/**
	 * Exact search by ID number: a POST, so the number stays out of the address bar and
	 * logs.
	 */
	@PostMapping("/key-persons/search")
	String searchByIdNumber(CurrentUser user, DataScope scope, @RequestParam(required = false) String idNumber,
			Model model) {
		model.addAttribute("idSearch", true);
		return list(user, scope, new KeyPersonFilter(null, null, null, null, null,
				idNumber == null || idNumber.isBlank() ? "-" : idNumber), 0, model);
	}

	private String list(CurrentUser user, DataScope scope, KeyPersonFilter filter, Integer page, Model model) {
		Paged<KeyPerson> persons = keyPersons.search(user, scope, filter, PageRequest.of(page, PAGE_SIZE));
		model.addAttribute("persons", persons);
		model.addAttribute("filter", filter);
		model.addAttribute("categories", keyPersons.categories());
		model.addAttribute("categoryLabels", categoryLabels());
		model.addAttribute("stationNames",
				keyPersons.stationNames(persons.items().stream().map(KeyPerson::stationId).distinct().toList()));
		model.addAttribute("risks", RiskLevel.values());
		model.addAttribute("statuses", ControlStatus.values());
		model.addAttribute("today", PlatformTime.today(clock));
		PageLinks links = PageLinks.to("/key-persons")
			.with("category", filter.category())
			.with("risk", filter.risk())
			.with("status", filter.status())
			.with("overdue", filter.overdue())
			.with("name", filter.name());
		model.addAttribute("links", links);
		model.addAttribute("exportLink", links.as("/key-persons/export.xlsx"));
		return "keyperson/list";
	}

	@GetMapping("/key-persons/export.xlsx")
	ResponseEntity<byte[]> export(CurrentUser user, DataScope scope, @RequestParam(required = false) String category,
			@RequestParam(required = false) RiskLevel risk, @RequestParam(required = false) ControlStatus status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String name) {
		List<KeyPerson> all = keyPersons.export(user, scope,
				new KeyPersonFilter(category, risk, status, overdue, name, null));
		byte[] bytes = workbook.write(all,
				keyPersons.categories().stream().collect(Collectors.toMap(Category::code, c -> c)),
				keyPersons.stationNames(all.stream().map(KeyPerson::stationId).distinct().toList()),
				PlatformTime.today(clock));
		return Downloads.excel(bytes, "重点人员名单.xlsx");
	}

	@GetMapping("/key-persons/new")
	String newPerson(CurrentUser user, DataScope scope, Model model) {
		List<Organisation> stations = keyPersons.stationsFor(user, scope);
		Long station = stations.size() == 1 ? stations.get(0).id() : null;
		return form(user, scope, KeyPersonForm.empty(station, user.displayName()), null, Map.of(), model);
	}

	@PostMapping("/key-persons")
	String create(CurrentUser user, DataScope scope, @Valid @ModelAttribute("form") KeyPersonForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> errors = errors(binding);
		if (errors.isEmpty()) {
			try {
				KeyPerson p = keyPersons.create(user, scope, form.details());
				redirect.addFlashAttribute("notice", "已登记重点人员 " + p.name() + "，已纳入管控");
				return "redirect:/key-persons/" + p.id();
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.byField());
			}
			catch (DateTimeParseException ex) {
				errors.put("controlledSince", "纳入管控日期无效");
			}
		}
		response.setStatus(400);
		return form(user, scope, form, null, errors, model);
	}

	@GetMapping("/key-persons/{id}/edit")
	String edit(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		KeyPerson p = keyPersons.view(user, scope, id);
		return form(user, scope, KeyPersonForm.of(p), p, Map.of(), model);
	}

	@PostMapping("/key-persons/{id}/edit")
	String change(@PathVariable long id, CurrentUser user, DataScope scope,
			@Valid @ModelAttribute("form") KeyPersonForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		KeyPerson p = keyPersons.view(user, scope, id);
		Map<String, String> errors = errors(binding);
		if (errors.isEmpty()) {
			try {
				keyPersons.change(user, scope, id, form.versionNumber(), form.changes());
				redirect.addFlashAttribute("notice", "已保存");
				return "redirect:/key-persons/" + id;
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.byField());
			}
			catch (ConcurrentEditException ex) {
				response.setStatus(409);
				model.addAttribute("problem", ex.getMessage() + "（您填写的内容仍在下方，可复制后刷新再改）");
				return form(user, scope, form, p, errors, model);
			}
		}
		response.setStatus(400);
		return form(user, scope, form, p, errors, model);
	}

	private String form(CurrentUser user, DataScope scope, KeyPersonForm form, KeyPerson existing,
			Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", keyPersons.categories());
		model.addAttribute("risks", RiskLevel.values());
		model.addAttribute("stations", existing == null ? keyPersons.stationsFor(user, scope) : List.of());
		model.addAttribute("stationName", existing == null ? null
				: keyPersons.stationNames(List.of(existing.stationId())).get(existing.stationId()));
		model.addAttribute("radius", keyPersons.nearbyRadiusMetres());
		return "keyperson/form";
	}

	@GetMapping("/key-persons/{id}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		KeyPerson p = keyPersons.view(user, scope, id);
		return detail(user, scope, p, model);
	}

	@GetMapping("/key-persons/{id}/print")
	String print(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		KeyPerson p = keyPersons.print(user, scope, id);
		detail(user, scope, p, model);
		return "keyperson/print";
	}

	@PostMapping("/key-persons/{id}/reveal")
	String reveal(@PathVariable long id, @RequestParam(required = false) String reason, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response) {
		KeyPerson p = keyPersons.view(user, scope, id);
		try {
			model.addAttribute("revealed", keyPersons.reveal(user, scope, id, reason));
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("revealReason", reason);
		}
		return detail(user, scope, p, model);
	}

	@PostMapping("/key-persons/{id}/status")
	String status(@PathVariable long id, CurrentUser user, DataScope scope,
			@Valid @ModelAttribute("statusForm") StatusForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		KeyPerson p = keyPersons.view(user, scope, id);
		Map<String, String> errors = errors(binding);
		if (errors.isEmpty()) {
			try {
				KeyPerson changed = keyPersons.changeStatus(user, scope, id, version(form.version()), form.change());
				redirect.addFlashAttribute("notice",
						"已办理：" + changed.status().label() + "，风险等级" + changed.risk().label());
				return "redirect:/key-persons/" + id;
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.byField());
			}
			catch (DateTimeParseException ex) {
				errors.put("reviewDate", "复核日期无效");
			}
			catch (ConcurrentEditException ex) {
				response.setStatus(409);
				model.addAttribute("problem", ex.getMessage());
				return detail(user, scope, p, model);
			}
		}
		response.setStatus(400);
		model.addAttribute("errors", errors);
		return detail(user, scope, p, model);
	}

	@PostMapping("/key-persons/{id}/transfer")
	String transfer(@PathVariable long id, CurrentUser user, DataScope scope,
			@Valid @ModelAttribute("transferForm") TransferForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		KeyPerson p = keyPersons.view(user, scope, id);
		Map<String, String> errors = errors(binding);
		if (errors.isEmpty()) {
			try {
				KeyPersons.Transferred done = keyPersons.transfer(user, scope, id, version(form.version()),
						form.transfer());
				redirect.addFlashAttribute("notice", "已移交 " + done.stationName());
				return done.stillVisible() ? "redirect:/key-persons/" + id : "redirect:/key-persons";
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.byField());
			}
			catch (ConcurrentEditException ex) {
				response.setStatus(409);
				model.addAttribute("problem", ex.getMessage());
				return detail(user, scope, p, model);
			}
		}
		response.setStatus(400);
		model.addAttribute("errors", errors);
		return detail(user, scope, p, model);
	}

	@GetMapping("/key-persons/{id}/visits/new")
	String newVisit(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		KeyPerson p = keyPersons.view(user, scope, id);
		return visitForm(p, new VisitForm(PlatformTime.today(clock).toString(), user.displayName(), ""), Map.of(),
				model);
	}

	@PostMapping("/key-persons/{id}/visits")
	String visit(@PathVariable long id, CurrentUser user, DataScope scope,
			@Valid @ModelAttribute("visitForm") VisitForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		KeyPerson p = keyPersons.view(user, scope, id);
		Map<String, String> errors = errors(binding);
		if (errors.isEmpty()) {
			try {
				KeyPerson visited = keyPersons.recordVisit(user, scope, id, form.visit());
				redirect.addFlashAttribute("notice", "走访已登记，下次走访：" + visited.nextVisitDue());
				return "redirect:/key-persons/" + id;
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.byField());
			}
			catch (DateTimeParseException ex) {
				errors.put("visitedOn", "走访日期无效");
			}
		}
		response.setStatus(400);
		return visitForm(p, form, errors, model);
	}

	private String visitForm(KeyPerson p, VisitForm form, Map<String, String> errors, Model model) {
		model.addAttribute("p", p);
		model.addAttribute("visitForm", form);
		model.addAttribute("errors", errors);
		model.addAttribute("today", PlatformTime.today(clock));
		return "keyperson/visit";
	}

	private String detail(CurrentUser user, DataScope scope, KeyPerson p, Model model) {
		LocalDate today = PlatformTime.today(clock);
		Map<String, Category> categories = keyPersons.categories()
			.stream()
			.collect(Collectors.toMap(Category::code, c -> c));
		Category category = categories.get(p.category());
		model.addAttribute("p", p);
		model.addAttribute("category", category);
		model.addAttribute("interval", category == null ? null : p.visitIntervalDays(category));
		model.addAttribute("stationName", keyPersons.stationNames(List.of(p.stationId())).get(p.stationId()));
		model.addAttribute("today", today);
		model.addAttribute("overdue", p.visitOverdue(today));
		model.addAttribute("visits", keyPersons.visits(user, scope, p.id()));
		model.addAttribute("history", keyPersons.history(user, scope, p.id()));
		model.addAttribute("nearby", keyPersons.nearbySchools(user, scope, p.id()));
		model.addAttribute("radius", keyPersons.nearbyRadiusMetres());
		model.addAttribute("risks", RiskLevel.values());
		model.addAttribute("moves", StatusMove.values());
		model.addAttribute("stations", keyPersons.allStations(user));
		model.addAttribute("minRevealReason", KeyPersons.MIN_REVEAL_REASON);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (!model.containsAttribute("statusForm")) {
			model.addAttribute("statusForm", new StatusForm("", "", "", "", Integer.toString(p.version())));
		}
		if (!model.containsAttribute("transferForm")) {
			model.addAttribute("transferForm", new TransferForm("", "", "", "", "", "", Integer.toString(p.version())));
		}
		return "keyperson/show";
	}

	private Map<String, String> categoryLabels() {
		return keyPersons.categories().stream().collect(Collectors.toMap(Category::code, Category::label));
	}

	private static int version(String text) {
		return KeyPersonForm.blank(text) ? -1 : Integer.parseInt(text);
	}

	private static Map<String, String> errors(BindingResult binding) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			errors.merge(error.getField(), error.getDefaultMessage(), (a, b) -> a + "；" + b);
		}
		return errors;
	}

}
