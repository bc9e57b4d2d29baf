package cn.hxay.organisation;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

	private static final Set<String> PICKER_FIELDS = Set.of("organisationId", "parentId");

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
	String units(@RequestParam(required = false) String q, Model model) {
		List<Organisation> all = organisations.units(null, null);
		Map<Long, Organisation> byId = all.stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
		String text = q == null || q.isBlank() ? null : q.strip();
		List<Organisation> shown = all;
		List<Organisation> schools = List.of();
		if (text != null) {
			// a match is shown with the units above it, so that its place in the tree is
			// seen
			Set<Long> keep = new HashSet<>();
			List<Organisation> matches = organisations.search(text, List.of(), 50);
			for (Organisation match : matches) {
				for (String id : match.path().split("/")) {
					if (!id.isEmpty()) {
						keep.add(Long.parseLong(id));
					}
				}
			}
			shown = all.stream().filter(u -> keep.contains(u.id())).toList();
			schools = matches.stream().filter(u -> u.kind() == OrganisationKind.SCHOOL).toList();
			model.addAttribute("matches", matches.stream().map(Organisation::id).collect(Collectors.toSet()));
		}
		model.addAttribute("units", shown);
		model.addAttribute("schools", schools);
		model.addAttribute("byId", byId);
		model.addAttribute("schoolsBelow", organisations.schoolsBelow());
		model.addAttribute("regions", organisations.regions());
		Map<String, String> regionNames = regionNames();
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("q", text);
		Map<OrganisationKind, UnitPicker> movePickers = new java.util.EnumMap<>(OrganisationKind.class);
		for (OrganisationKind kind : OrganisationKind.values()) {
			movePickers.put(kind, UnitPicker.empty("parentId", kind.parentKinds(), regionNames));
		}
		model.addAttribute("movePickers", movePickers);
		model.addAttribute("addPicker", UnitPicker.empty("parentId", List.of(), regionNames));
		return "organisation/units";
	}

	/**
	 * The searchable unit picker (htmx): enabled units whose name contains the text, as
	 * radio buttons named {@code field}; the unit already chosen stays first and checked.
	 */
	@GetMapping("/admin/units/options")
	String unitOptions(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "organisationId") String field,
			@RequestParam(required = false) List<OrganisationKind> kinds,
			@RequestParam(required = false) Long organisationId, @RequestParam(required = false) Long parentId,
			Model model) {
		if (!PICKER_FIELDS.contains(field)) {
			throw new InvalidInputException("field", "未知的字段");
		}
		Long chosen = "parentId".equals(field) ? parentId : organisationId;
		model.addAttribute("picker", UnitPicker.of(organisations, field, q, kinds, chosen));
		return "organisation/unit-picker :: options";
	}

	@PostMapping("/admin/organisations/{id}/move")
	String move(@PathVariable long id, @RequestParam(required = false) Long parentId, Model model,
			RedirectAttributes redirect) {
		Organisation unit = organisations.get(id);
		try {
			if (unit.kind() == OrganisationKind.SCHOOL) {
				throw new InvalidInputException("parentId", "学校的主管教育局在“学校名录”中修改");
			}
			if (parentId == null) {
				throw new InvalidInputException("parentId", "请选择新的上级单位");
			}
			organisations.move(id, parentId);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", Map.of("_", "“" + unit.name() + "”未移动：" + ex.getMessage()));
			return units(null, model);
		}
		redirect.addFlashAttribute("notice", "已移动“" + unit.name() + "”");
		return "redirect:/admin/organisations?q=" + java.net.URLEncoder.encode(unit.name(), StandardCharsets.UTF_8);
	}

	@PostMapping("/admin/organisations/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam int version, @RequestParam boolean enabled, Model model,
			RedirectAttributes redirect) {
		Organisation unit = organisations.get(id);
		try {
			organisations.setEnabled(id, version, enabled);
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			model.addAttribute("errors", Map.of("_", ex.getMessage()));
			return units(null, model);
		}
		redirect.addFlashAttribute("notice", (enabled ? "已启用“" : "已停用“") + unit.name() + "”");
		return "redirect:/admin/organisations";
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
			return units(null, model);
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
			return units(null, model);
		}
		redirect.addFlashAttribute("notice", "已修改单位名称");
		return "redirect:/admin/organisations";
	}

	private Map<String, String> regionNames() {
		return organisations.regions().stream().collect(Collectors.toMap(Region::code, Region::name));
	}

}
