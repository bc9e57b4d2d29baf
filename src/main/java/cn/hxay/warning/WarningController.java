package cn.hxay.warning;

import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.school.SchoolKind;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Warning pages: the list (cards a phone shows without scrolling sideways), sending a
 * warning, and one warning with the reader's receipt and reply form (a school) or every
 * school's receipt in three lists (a sender).
 */
@Controller
class WarningController {

	private static final Map<String, String> LABELS = Map.of("level", "预警级别", "acknowledgeBy",
			"签收期限（格式 yyyy-MM-dd HH:mm）", "schoolKind", "学校类型");

	private final Warnings warnings;

	private final Organisations organisations;

	WarningController(Warnings warnings, Organisations organisations) {
		this.warnings = warnings;
		this.organisations = organisations;
	}

	record ReplyForm(String reply) {
	}

	@GetMapping("/warnings")
	String list(CurrentUser user, DataScope scope,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Boolean unread, Model model) {
		List<WarningSummary> shown = Boolean.TRUE.equals(unread) ? warnings.unreadList(scope) : warnings.list(scope);
		model.addAttribute("warnings", shown);
		model.addAttribute("unreadOnly", Boolean.TRUE.equals(unread));
		model.addAttribute("maySend", warnings.maySend(user));
		return "warning/list";
	}

	@GetMapping("/warnings/new")
	String form(CurrentUser user, Model model) {
		mustSend(user);
		model.addAttribute("form", NewWarning.empty());
		return form(model);
	}

	@PostMapping("/warnings")
	String send(CurrentUser user, DataScope scope, @ModelAttribute("form") NewWarning form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		mustSend(user);
		try {
			FormBinding.refuse(binding, LABELS);
			Warning w = warnings.send(user, scope, form);
			redirect.addFlashAttribute("notice", "已发布预警“" + w.title() + "”");
			return "redirect:/warnings/" + w.id();
		}
		catch (InvalidInputException ex) {
			FormBinding.showAgain(ex, form != null ? form : NewWarning.empty(), binding, model, response);
			model.addAttribute("typedAcknowledgeBy", FormBinding.typed(binding, "acknowledgeBy"));
			return form(model);
		}
	}

	private String form(Model model) {
		model.addAttribute("levels", WarningLevel.values());
		model.addAttribute("kinds", SchoolKind.values());
		List<Region> counties = organisations.counties();
		model.addAttribute("counties", counties);
		return "warning/new";
	}

	@GetMapping("/warnings/{id}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		return show(warnings.view(scope, id), user, model);
	}

	@PostMapping("/warnings/{id}/read")
	String read(@PathVariable long id, CurrentUser user, DataScope scope, RedirectAttributes redirect) {
		warnings.markRead(user, scope, id);
		redirect.addFlashAttribute("notice", "已签收");
		return "redirect:/warnings/" + id;
	}

	@PostMapping("/warnings/{id}/reply")
	String reply(@PathVariable long id, @ModelAttribute("reply") ReplyForm form, CurrentUser user, DataScope scope,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			warnings.reply(user, scope, id, form == null ? null : form.reply());
			redirect.addFlashAttribute("notice", "已回复处置措施");
			return "redirect:/warnings/" + id;
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			response.setStatus(ex instanceof InvalidInputException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			model.addAttribute("errors",
					ex instanceof InvalidInputException invalid ? invalid.byField() : Map.of("reply", ex.getMessage()));
			model.addAttribute("typedReply", form == null ? null : form.reply());
			return show(warnings.view(scope, id), user, model);
		}
	}

	@PostMapping("/warnings/{id}/attachments")
	String attach(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		warnings.mustAttach(user, scope, id);
		try {
			byte[] bytes = FormBinding.upload(request, "file");
			org.springframework.web.multipart.MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils
				.getNativeRequest(request, org.springframework.web.multipart.MultipartHttpServletRequest.class);
			String name = multipart.getFile("file").getOriginalFilename();
			warnings.attach(user, scope, id, name, bytes);
			redirect.addFlashAttribute("notice", "附件已上传");
			return "redirect:/warnings/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("fileProblem", ex.getMessage());
			return show(warnings.view(scope, id), user, model);
		}
	}

	@GetMapping("/warnings/{id}/attachments/{fileId}")
	org.springframework.http.ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId,
			CurrentUser user, DataScope scope) {
		Warnings.Download d = warnings.download(user, scope, id, fileId);
		return cn.hxay.shared.web.Downloads.of(d.bytes(), d.file().fileName(),
				org.springframework.http.MediaType.parseMediaType(d.file().contentType()));
	}

	/** The schools that have not read it, 50 a page, and the same list as Excel. */
	@GetMapping("/warnings/{id}/unread")
	String unread(@PathVariable long id,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Integer page, DataScope scope,
			Model model) {
		model.addAttribute("w", warnings.view(scope, id).warning());
		model.addAttribute("unread", warnings.unread(scope, id,
				cn.hxay.shared.PageRequest.of(page == null ? 0 : Math.min(page, 100_000), 50)));
		return "warning/unread";
	}

	@GetMapping("/warnings/{id}/unread.xlsx")
	org.springframework.http.ResponseEntity<byte[]> unreadExcel(@PathVariable long id, DataScope scope) {
		Warning w = warnings.view(scope, id).warning();
		java.util.List<Receipt> all = new java.util.ArrayList<>();
		for (int page = 0;; page++) {
			cn.hxay.shared.Paged<Receipt> part = warnings.unread(scope, id,
					new cn.hxay.shared.PageRequest(page, cn.hxay.shared.PageRequest.MAX_SIZE));
			all.addAll(part.items());
			if (!part.hasNext()) {
				break;
			}
		}
		return cn.hxay.shared.web.Downloads.excel(UnreadWorkbook.of(w, all), "预警未读学校-" + w.id() + ".xlsx");
	}

	private String show(WarningView view, CurrentUser user, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("w", view.warning());
		Receipt mine = view.receipts()
			.stream()
			.filter(r -> r.schoolUnitId() == user.organisationId())
			.findFirst()
			.orElse(null);
		model.addAttribute("mine", mine);
		model.addAttribute("files", warnings.files(DataScope.everything(false), view.warning().id()));
		model.addAttribute("mayAttach", warnings.maySend(user) && mine == null);
		return "warning/show";
	}

	private void mustSend(CurrentUser user) {
		if (!warnings.maySend(user)) {
			throw new ForbiddenException("只有教育行政部门和公安机关可以发布预警");
		}
	}

}
