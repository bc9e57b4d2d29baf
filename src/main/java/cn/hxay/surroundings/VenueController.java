package cn.hxay.surroundings;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.web.Downloads;
import cn.hxay.shared.web.FormBinding;
import cn.hxay.shared.web.PageLinks;
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
 * Pages of the student safety zone: the venue list with filters, the venue form (new and
 * change, with its violations and 复查), and the violation ledger with its moves and the
 * Excel export.
 */
@Controller
class VenueController {

	private static final Map<String, String> LABELS = Map.of("type", "场所类型", "longitude", "经度", "latitude", "纬度",
			"stationId", "责任派出所", "townshipId", "乡镇(街道)");

	private final Venues venues;

	private final Organisations organisations;

	private final java.time.Clock clock;

	VenueController(Venues venues, Organisations organisations, java.time.Clock clock) {
		this.venues = venues;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping("/venues")
	String list(CurrentUser user, DataScope scope, @RequestParam(required = false) String type,
			@RequestParam(required = false) String text, @RequestParam(required = false) Integer page, Model model) {
		VenueType kind = type == null ? null : VenueType.parse(type).orElse(null);
		Paged<Venue> found = venues.search(scope, new VenueFilter(kind, text, null), PageRequest.of(page, 20));
		model.addAttribute("venues", found);
		model.addAttribute("types", VenueType.values());
		model.addAttribute("type", kind);
		model.addAttribute("text", text);
		model.addAttribute("links", PageLinks.to("/venues").with("type", kind).with("text", text));
		model.addAttribute("names", names(found.items().stream().map(Venue::stationId).toList()));
		model.addAttribute("mayWrite", venues.mayWrite(user));
		return "surroundings/list";
	}

	@GetMapping("/venues/new")
	String create(CurrentUser user, DataScope scope, Model model) {
		return form(user, scope, null, VenueDetails.blank(), Map.of(), model);
	}

	@PostMapping("/venues")
	String create(CurrentUser user, DataScope scope, @ModelAttribute("form") VenueDetails form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			Venue v = venues.create(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记周边场所并按规则比对距离");
			return "redirect:/venues/" + v.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(user, scope, null, form, ex.byField(), model);
		}
	}

	@GetMapping("/venues/{id}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		Venue v = venues.get(scope, id);
		return form(user, scope, v, VenueDetails.of(v), Map.of(), model);
	}

	@PostMapping("/venues/{id}")
	String change(@PathVariable long id, @RequestParam(required = false) Integer version, CurrentUser user,
			DataScope scope, @ModelAttribute("form") VenueDetails form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Venue v = venues.get(scope, id);
		try {
			FormBinding.refuse(binding, LABELS);
			venues.change(user, scope, id, version == null ? -1 : version, form);
			redirect.addFlashAttribute("notice", "已保存并重新比对距离");
			return "redirect:/venues/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(user, scope, v, form, ex.byField(), model);
		}
	}

	@PostMapping("/venues/{id}/recheck")
	String recheck(@PathVariable long id, CurrentUser user, DataScope scope, RedirectAttributes redirect) {
		int found = venues.recheck(user, scope, id);
		redirect.addFlashAttribute("notice", found == 0 ? "复查完成：未发现违规" : "复查完成：" + found + " 项仍在规定距离内，已列入台账");
		return "redirect:/venues/" + id;
	}

	private String form(CurrentUser user, DataScope scope, Venue venue, VenueDetails form, Map<String, String> errors,
			Model model) {
		model.addAttribute("venue", venue);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("types", VenueType.values());
		model.addAttribute("stations", venues.stationsFor(scope));
		model.addAttribute("rules", venues.rules());
		model.addAttribute("mayWrite", venues.mayWrite(user));
		model.addAttribute("violations", venue == null ? List.of()
				: venues.violations(scope, null, venue.id(), new PageRequest(0, PageRequest.MAX_SIZE)).items());
		return "surroundings/form";
	}

	@GetMapping("/venue-violations")
	String ledger(CurrentUser user, DataScope scope, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, Model model) {
		return ledger(user, scope, status, page, null, Map.of(), null, model);
	}

	private String ledger(CurrentUser user, DataScope scope, String status, Integer page, Long failedId,
			Map<String, String> errors, Venues.Move typed, Model model) {
		ViolationStatus s = parse(status);
		Paged<VenueViolation> found = venues.violations(scope, s, null, PageRequest.of(page, 20));
		model.addAttribute("violations", found);
		model.addAttribute("statuses", ViolationStatus.values());
		model.addAttribute("status", s);
		model.addAttribute("links", PageLinks.to("/venue-violations").with("status", s));
		model.addAttribute("exportLink", PageLinks.to("/venue-violations/ledger.xlsx").with("status", s).page(0));
		model.addAttribute("today", PlatformTime.today(clock));
		model.addAttribute("mayWrite", venues.mayWrite(user));
		model.addAttribute("failedId", failedId);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		return "surroundings/ledger";
	}

	@GetMapping("/venue-violations/ledger.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, @RequestParam(required = false) String status) {
		return Downloads.excel(ViolationWorkbook.write(VenueApiController.all(venues, scope, parse(status))),
				"周边场所违规台账.xlsx");
	}

	@PostMapping("/venue-violations/{id}/moves")
	String move(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("move") Venues.Move move,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, Map.of("version", "版本"));
			VenueViolation w = venues.move(user, scope, id, move);
			redirect.addFlashAttribute("notice", "违规记录 " + id + " 已转为“" + w.status().label() + "”");
			return "redirect:/venue-violations";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return ledger(user, scope, null, null, id, ex.byField(), move, model);
		}
	}

	private static ViolationStatus parse(String status) {
		try {
			return status == null || status.isBlank() ? null : ViolationStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Map<Long, String> names(Collection<Long> ids) {
		Set<Long> unique = new HashSet<>(ids);
		return organisations.byIds(unique)
			.values()
			.stream()
			.collect(Collectors.toMap(Organisation::id, Organisation::name));
	}

}
