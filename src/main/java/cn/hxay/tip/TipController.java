package cn.hxay.tip;

import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.documents.Photos;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The handlers' pages: the list (cards a phone shows without scrolling sideways), one tip
 * with its conversation, photos and the committee, the actions (reply, follow-up note,
 * refer to the police, close), the school's committee and the printable poster.
 */
@Controller
class TipController {

	private final Tips tips;

	private final TipPublicController publicPages;

	private final java.time.Clock clock;

	TipController(Tips tips, TipPublicController publicPages, java.time.Clock clock) {
		this.tips = tips;
		this.publicPages = publicPages;
		this.clock = clock;
	}

	@GetMapping("/tips")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) boolean overdue,
			@RequestParam(required = false) TipCategory category, @RequestParam(required = false) Integer page,
			CurrentUser user, DataScope scope, Model model) {
		String shown = state == null || !java.util.Set.of("open", "closed", "all").contains(state) ? "open" : state;
		model.addAttribute("tips", tips.search(user, scope, new Tips.Query(null, category, shown, overdue),
				PageRequest.of(page == null || page < 0 ? 0 : Math.min(page, 10_000), 20)));
		model.addAttribute("state", shown);
		model.addAttribute("overdue", overdue);
		model.addAttribute("category", category);
		model.addAttribute("categories", TipCategory.values());
		model.addAttribute("police", Tips.policeSide(user));
		model.addAttribute("today", cn.hxay.shared.PlatformTime.today(clock));
		return "tip/list";
	}

	@GetMapping("/tips/{id}")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		model.addAttribute("view", tips.view(user, scope, id));
		model.addAttribute("investigationDays", tips.investigationDays());
		return "tip/show";
	}

	@PostMapping("/tips/{id}/reply")
	String reply(@PathVariable long id, @RequestParam(required = false) String text, CurrentUser user, DataScope scope,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(id, user, scope, model, response, redirect, "已回复，求助人凭认领码可以看到", "text", text,
				() -> tips.reply(user, scope, id, text));
	}

	@PostMapping("/tips/{id}/notes")
	String note(@PathVariable long id, @RequestParam(required = false) String text, CurrentUser user, DataScope scope,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(id, user, scope, model, response, redirect, "已记录跟进情况", "note", text,
				() -> tips.note(user, scope, id, text));
	}

	@PostMapping("/tips/{id}/refer")
	String refer(@PathVariable long id, @RequestParam(required = false) String reason, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(id, user, scope, model, response, redirect, "已转属地派出所", "reason", reason,
				() -> tips.refer(user, scope, id, reason));
	}

	@PostMapping("/tips/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String conclusion, CurrentUser user,
			DataScope scope, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(id, user, scope, model, response, redirect, "已办结", "conclusion", conclusion,
				() -> tips.close(user, scope, id, conclusion));
	}

	private String act(long id, CurrentUser user, DataScope scope, Model model, HttpServletResponse response,
			RedirectAttributes redirect, String done, String field, String typed, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", done);
			return "redirect:/tips/" + id;
		}
		catch (InvalidInputException | ConcurrentEditException ex) {
			response.setStatus(ex instanceof InvalidInputException ? HttpServletResponse.SC_BAD_REQUEST
					: HttpServletResponse.SC_CONFLICT);
			Map<String, String> errors = ex instanceof InvalidInputException invalid ? invalid.byField()
					: Map.of(field, ex.getMessage());
			model.addAttribute("errors", errors);
			model.addAttribute("typed", Map.of(field, typed == null ? "" : typed));
			return show(id, user, scope, model);
		}
	}

	@GetMapping("/tips/{id}/attachments/{photoId}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long photoId, CurrentUser user,
			DataScope scope) {
		byte[] bytes = tips.attachment(user, scope, id, photoId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Photos.typeOf(bytes)))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	@GetMapping("/tips/poster")
	String poster(@RequestParam(required = false) Long school, CurrentUser user, DataScope scope, Model model) {
		School s = tips.schoolFor(user, scope, school);
		model.addAttribute("school", s);
		model.addAttribute("url", publicPages.publicUrl(s.id()));
		return "tip/poster";
	}

	@GetMapping("/tips/committee")
	String committee(@RequestParam(required = false) Long school, CurrentUser user, DataScope scope, Model model) {
		School s = tips.committeeSchool(user, scope, school);
		model.addAttribute("school", s);
		model.addAttribute("members", tips.committee(s));
		model.addAttribute("mayEdit", s.organisationId() == user.organisationId() && !user.readOnly());
		return "tip/committee";
	}

	@PostMapping("/tips/committee")
	String addMember(@RequestParam(required = false) String name, @RequestParam(required = false) String duty,
			@RequestParam(required = false) String phone, CurrentUser user, DataScope scope, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			tips.addMember(user, scope, name, duty, phone);
			redirect.addFlashAttribute("notice", "已添加委员");
			return "redirect:/tips/committee";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("typed", Map.of("name", name == null ? "" : name, "duty", duty == null ? "" : duty,
					"phone", phone == null ? "" : phone));
			return committee(null, user, scope, model);
		}
	}

	@PostMapping("/tips/committee/remove")
	String removeMember(@RequestParam(required = false) Long memberId, CurrentUser user, DataScope scope,
			RedirectAttributes redirect) {
		tips.removeMember(user, scope, memberId);
		redirect.addFlashAttribute("notice", "已移除委员");
		return "redirect:/tips/committee";
	}

}
