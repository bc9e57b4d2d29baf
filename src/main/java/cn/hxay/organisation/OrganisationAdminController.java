package cn.hxay.organisation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of regions and of the units in the tree (schools are kept in the school
 * registry).
 */
@Controller
class OrganisationAdminController {

	private final Organisations organisations;

	OrganisationAdminController(Organisations organisations) {
		this.organisations = organisations;
	}

	@GetMapping("/admin/regions")
	String regions(Model model) {
		model.addAttribute("regions", organisations.regions());
		model.addAttribute("levels", RegionLevel.values());
		return "organisation/regions";
	}

	@PostMapping("/admin/regions")
	String addRegion(@RequestParam String code, @RequestParam String name,
			@RequestParam(required = false) RegionLevel level, @RequestParam(required = false) String parentCode,
			Model model, RedirectAttributes redirect) {
		try {
			organisations.addRegion(code == null ? null : code.strip(), name, level, parentCode);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			return regions(model);
		}
		redirect.addFlashAttribute("notice", "已添加地区 " + name);
		return "redirect:/admin/regions";
	}

	@PostMapping("/admin/regions/{code}")
	String renameRegion(@PathVariable String code, @RequestParam String name, Model model,
			RedirectAttributes redirect) {
		try {
			organisations.renameRegion(code, name);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			return regions(model);
		}
		redirect.addFlashAttribute("notice", "已修改地区名称");
		return "redirect:/admin/regions";
	}

	@GetMapping("/admin/organisations")
	String units(@RequestParam(required = false) String region, @RequestParam(required = false) OrganisationKind kind,
			Model model) {
		List<Organisation> units = organisations.units(region, kind);
		model.addAttribute("units", units);
		model.addAttribute("byId", units.stream().collect(Collectors.toMap(Organisation::id, Function.identity())));
		model.addAttribute("regions", organisations.regions());
		model.addAttribute("regionNames", regionNames());
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("region", region);
		model.addAttribute("kind", kind);
		model.addAttribute("parents", organisations.units(null, null));
		return "organisation/units";
	}

	@PostMapping("/admin/organisations")
	String add(@RequestParam String name, @RequestParam(required = false) OrganisationKind kind,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) Long parentId,
			Model model, RedirectAttributes redirect) {
		try {
			Organisation unit = organisations.add(new NewOrganisation(name, kind, regionCode, parentId));
			redirect.addFlashAttribute("notice", "已添加单位 " + unit.name());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.byField());
			return units(null, null, model);
		}
		return "redirect:/admin/organisations";
	}

	@PostMapping("/admin/organisations/{id}")
	String rename(@PathVariable long id, @RequestParam int version, @RequestParam String name, Model model,
			RedirectAttributes redirect) {
		try {
			organisations.rename(id, version, name);
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			model.addAttribute("errors", Map.of("_", ex.getMessage()));
			return units(null, null, model);
		}
		redirect.addFlashAttribute("notice", "已修改单位名称");
		return "redirect:/admin/organisations";
	}

	private Map<String, String> regionNames() {
		return organisations.regions().stream().collect(Collectors.toMap(Region::code, Region::name));
	}

}
