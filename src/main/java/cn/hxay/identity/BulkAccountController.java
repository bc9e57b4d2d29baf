package cn.hxay.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.organisation.RegionLevel;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.Violation;
import cn.hxay.shared.web.Downloads;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening accounts at city scale, for system administrators: one safety lead per school
 * from the school registry (with progress), or any accounts from an Excel sheet; then the
 * one download of the one-time passwords.
 */
@Controller
class BulkAccountController {

	private final BulkAccounts bulk;

	private final Organisations organisations;

	BulkAccountController(BulkAccounts bulk, Organisations organisations) {
		this.bulk = bulk;
		this.organisations = organisations;
	}

	@GetMapping("/admin/users/bulk")
	String page(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int source,
			Model model) {
		List<Region> regions = organisations.regions().stream().filter(r -> r.level() != RegionLevel.PROVINCE).toList();
		String chosen = regions.stream()
			.map(Region::code)
			.filter(code -> code.equals(region))
			.findFirst()
			.orElse(regions.isEmpty() ? null : regions.get(0).code());
		model.addAttribute("regions", regions);
		model.addAttribute("region", chosen);
		model.addAttribute("sources", bulk.sources());
		int shown = source >= 0 && source < bulk.sources().size() ? source : 0;
		model.addAttribute("source", shown);
		if (chosen != null && !bulk.sources().isEmpty()) {
			int[] preview = bulk.preview(shown, chosen);
			model.addAttribute("wanted", preview[0]);
			model.addAttribute("existing", preview[1]);
		}
		return "identity/bulk";
	}

	@PostMapping("/admin/users/bulk")
	String start(CurrentUser admin, @RequestParam(defaultValue = "-1") int source,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean confirm,
			Model model) {
		try {
			BulkAccounts.Run run = bulk.start(admin, source, region, confirm);
			return "redirect:/admin/users/bulk/" + run.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.violations().stream().map(Violation::message).toList());
			return page(region, Math.max(source, 0), model);
		}
	}

	@GetMapping("/admin/users/bulk/{id}")
	String progress(CurrentUser admin, @PathVariable UUID id, HtmxRequest htmx, Model model) {
		model.addAttribute("run", bulk.run(admin, id));
		return htmx.isHtmxRequest() ? "identity/bulk-run :: progress" : "identity/bulk-run";
	}

	@GetMapping("/admin/users/bulk/{id}/passwords.xlsx")
	ResponseEntity<byte[]> passwords(CurrentUser admin, @PathVariable UUID id) {
		try {
			return Downloads.excel(bulk.takePasswords(admin, id), "一次性密码-请妥善保管.xlsx");
		}
		catch (InvalidInputException ex) {
			// the page says why (already downloaded once, or not ready yet)
			return ResponseEntity.status(303)
				.location(java.net.URI.create("/admin/users/bulk/" + id + "?refused"))
				.build();
		}
	}

	@GetMapping("/admin/users/import/template")
	ResponseEntity<byte[]> template() {
		return Downloads.excel(bulk.template(), "账户导入模板.xlsx");
	}

	@PostMapping("/admin/users/import")
	String importWorkbook(CurrentUser admin, @RequestParam(value = "file", required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("importProblems", List.of("请选择要导入的 Excel 文件"));
			return page(null, 0, model);
		}
		try (InputStream in = file.getInputStream()) {
			BulkAccounts.Run run = bulk.importWorkbook(admin, in);
			redirect.addFlashAttribute("notice", "已从 " + file.getOriginalFilename() + " 开通 " + run.total() + " 个账户");
			return "redirect:/admin/users/bulk/" + run.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("importProblems", ex.violations().stream().map(Violation::message).toList());
			model.addAttribute("fileName", file.getOriginalFilename());
			return page(null, 0, model);
		}
	}

}
