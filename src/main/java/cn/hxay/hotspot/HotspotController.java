package cn.hxay.hotspot;

import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
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
 * Hotspot pages, police only: the register with filters and paging, the form, and one
 * hotspot with its nearby schools and rectification steps. Refused input shows the page
 * again with 400 and the values as typed.
 */
@Controller
class HotspotController {

	private static final Map<String, String> LABELS = Map.of("version", "版本");

	private final Hotspots hotspots;

	HotspotController(Hotspots hotspots) {
		this.hotspots = hotspots;
	}

	@GetMapping("/hotspots")
	String list(CurrentUser user, DataScope scope, @RequestParam(required = false) String status,
			@RequestParam(required = false) String text, @RequestParam(required = false) Integer page, Model model) {
		Boolean fixed = "FIXED".equals(status) ? Boolean.TRUE : "OPEN".equals(status) ? Boolean.FALSE : null;
		String q = text == null || text.isBlank() ? null : text.strip();
		if (q != null && q.length() > 100) {
			q = q.substring(0, 100);
		}
		Paged<Hotspot> found = hotspots.search(user, scope, fixed, null, q, PageRequest.of(page, 20));
		model.addAttribute("hotspots", found);
		model.addAttribute("status", fixed == null ? "" : fixed ? "FIXED" : "OPEN");
		model.addAttribute("text", q);
		PageLinks links = PageLinks.to("/hotspots").with("status", fixed == null ? null : status).with("text", q);
		model.addAttribute("links", links);
		model.addAttribute("mayWrite", Hotspots.mayWrite(user));
		model.addAttribute("exportLink", links.as("/hotspots/export.xlsx"));
		return "hotspot/list";
	}

	@GetMapping("/hotspots/export.xlsx")
	ResponseEntity<byte[]> export(CurrentUser user, DataScope scope, @RequestParam(required = false) String status,
			@RequestParam(required = false) String text) {
		Boolean fixed = "FIXED".equals(status) ? Boolean.TRUE : "OPEN".equals(status) ? Boolean.FALSE : null;
		String q = text == null || text.isBlank() ? null : text.strip();
		if (q != null && q.length() > 100) {
			q = q.substring(0, 100);
		}
		return Downloads.excel(hotspots.export(user, scope, fixed, q), "治安乱点台账.xlsx");
	}

	@GetMapping("/hotspots/new")
	String create(CurrentUser user, DataScope scope, Model model) {
		if (!Hotspots.mayWrite(user)) {
			throw new ForbiddenException("只有公安（市局、分局、派出所）可以登记治安乱点");
		}
		return form(scope, HotspotDetails.blank(), Map.of(), model);
	}

	@PostMapping("/hotspots")
	String register(CurrentUser user, DataScope scope, @ModelAttribute("form") HotspotDetails form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			Hotspot h = hotspots.register(user, scope, form);
			redirect.addFlashAttribute("notice", "已登记治安乱点，并按距离关联周边学校");
			return "redirect:/hotspots/" + h.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(scope, form, ex.byField(), model);
		}
	}

	private String form(DataScope scope, HotspotDetails form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("stations", hotspots.stationsFor(scope));
		model.addAttribute("townships", hotspots.townshipsFor(scope));
		model.addAttribute("placeHint",
				"国内地图应用显示的坐标是 GCJ-02；保存时换算为 WGS-84，" + hotspots.nearbyMetres() + " 米内的学校按直线距离关联。");
		return "hotspot/new";
	}

	@GetMapping("/hotspots/{id:\\d+}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		return show(id, user, scope, null, Map.of(), model);
	}

	@PostMapping("/hotspots/{id:\\d+}/steps")
	String rectify(@PathVariable long id, CurrentUser user, DataScope scope, @ModelAttribute("step") HotspotStep step,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormBinding.refuse(binding, LABELS);
			Hotspot h = hotspots.rectify(user, scope, id, step);
			redirect.addFlashAttribute("notice", h.fixed() ? "已整改完成" : "已记录整改措施");
			return "redirect:/hotspots/" + id;
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			response.setStatus(ex instanceof InvalidInputException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			Map<String, String> errors = ex instanceof InvalidInputException invalid ? invalid.byField()
					: Map.of("_", ex.getMessage());
			return show(id, user, scope, step, errors, model);
		}
	}

	private String show(long id, CurrentUser user, DataScope scope, HotspotStep typed, Map<String, String> errors,
			Model model) {
		Hotspot h = hotspots.get(user, scope, id);
		model.addAttribute("h", h);
		model.addAttribute("schools", hotspots.schoolsNear(user, scope, id));
		model.addAttribute("steps", hotspots.steps(user, scope, id));
		model.addAttribute("mayWrite", Hotspots.mayWrite(user) && !h.fixed());
		model.addAttribute("typed", typed == null ? new HotspotStep("", "", "false") : typed);
		model.addAttribute("errors", errors);
		model.addAttribute("nearbyMetres", hotspots.nearbyMetres());
		return "hotspot/show";
	}

}
