package cn.hxay.tip;

import java.util.Map;

import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.web.FormBinding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public help page of a school (no sign-in; phone first): the form, the claim code
 * shown once after filing, and the claimed tip with the replies, where the reporter adds
 * text and photos. A claim code opens the tip for this browser session only (kept in the
 * session, never in a URL); every form carries the CSRF token the page hands out.
 */
@Controller
class TipPublicController {

	static final String CLAIMED = "hxay.tip.claimed";

	private final Tips tips;

	private final String publicBaseUrl;

	TipPublicController(Tips tips, @Value("${hxay.tip.public-base-url:}") String publicBaseUrl) {
		this.tips = tips;
		this.publicBaseUrl = publicBaseUrl;
	}

	@GetMapping("/help/{id:\\d+}")
	String form(@PathVariable long id, Model model) {
		model.addAttribute("form", TipForm.empty());
		return form(tips.publicSchool(id), model);
	}

	/**
	 * The public form as typed: every field a string, so that nothing typed is lost when
	 * a choice is unknown.
	 */
	record TipForm(String category, String reporter, String body, String place, String contactName,
			String contactPhone) {

		static TipForm empty() {
			return new TipForm(null, null, "", "", "", "");
		}

		NewTip checked() {
			java.util.List<cn.hxay.shared.Violation> problems = new java.util.ArrayList<>();
			TipCategory c = choice(TipCategory.class, category);
			if (c == null) {
				problems.add(cn.hxay.shared.Violation.of("category", "请选择求助类型"));
			}
			Reporter r = choice(Reporter.class, reporter);
			if (r == null) {
				problems.add(cn.hxay.shared.Violation.of("reporter", "请选择您的身份"));
			}
			if (body == null || body.isBlank() || body.strip().length() > Tip.TEXT_MAX) {
				problems.add(cn.hxay.shared.Violation.of("body", "请写下发生了什么（2000 字以内）"));
			}
			if (place != null && place.strip().length() > 200) {
				problems.add(cn.hxay.shared.Violation.of("place", "地点不能超过 200 字"));
			}
			if (contactName != null && contactName.strip().length() > 50) {
				problems.add(cn.hxay.shared.Violation.of("contactName", "称呼不能超过 50 字"));
			}
			if (contactPhone != null && !contactPhone.isBlank()
					&& !contactPhone.strip().matches("\\+?[0-9][0-9\\- ]{4,18}")) {
				problems.add(cn.hxay.shared.Violation.of("contactPhone", "电话只能是数字（可含 - 和空格），5 到 19 位"));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			return new NewTip(c, r, body, place, contactName, contactPhone);
		}

		private static <E extends Enum<E>> E choice(Class<E> type, String value) {
			for (E e : type.getEnumConstants()) {
				if (e.name().equals(value)) {
					return e;
				}
			}
			return null;
		}

		/**
		 * Whether this choice is the one typed (for the radio buttons kept on a refusal).
		 */
		public boolean is(Enum<?> value) {
			return value.name().equals(category) || value.name().equals(reporter);
		}

	}

	@PostMapping("/help/{id:\\d+}")
	String file(@PathVariable long id, @ModelAttribute("form") TipForm form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Tips.PublicSchool school = tips.publicSchool(id);
		try {
			Tips.Filed filed = tips.file(id, form.checked(), request.getRemoteAddr());
			request.changeSessionId();
			request.getSession().setAttribute(CLAIMED, filed.tipId());
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("school", school);
			model.addAttribute("code", filed.claimCode());
			model.addAttribute("tip", filed.tip());
			return "tip/filed";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			return form(school, model);
		}
		catch (Tips.Throttled ex) {
			response.setStatus(429);
			response.setHeader("Retry-After", "3600");
			model.addAttribute("problem", ex.getMessage());
			return form(school, model);
		}
	}

	private String form(Tips.PublicSchool school, Model model) {
		model.addAttribute("school", school);
		model.addAttribute("categories", TipCategory.values());
		model.addAttribute("reporters", Reporter.values());
		model.addAttribute("investigationDays", tips.investigationDays());
		return "tip/public";
	}

	/** The QR code of the school's page, for the poster. */
	@GetMapping("/help/{id:\\d+}/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable long id) {
		Tips.PublicSchool school = tips.publicSchool(id);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noCache())
			.header("X-Content-Type-Options", "nosniff")
			.body(QrCodes.png(publicUrl(school.id()), 600));
	}

	/** The page's address as printed under the QR code. */
	String publicUrl(long schoolId) {
		String base = publicBaseUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
				: publicBaseUrl.replaceAll("/+$", "");
		return base + "/help/" + schoolId;
	}

	@GetMapping("/help/claim")
	String claimed(HttpSession session, Model model, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		Long tipId = (Long) session.getAttribute(CLAIMED);
		if (tipId == null) {
			return "tip/claim";
		}
		model.addAttribute("view", tips.reporterView(tipId));
		return "tip/case";
	}

	@PostMapping("/help/claim")
	String claim(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		try {
			long tipId = tips.claim(code, request.getRemoteAddr());
			request.changeSessionId();
			request.getSession().setAttribute(CLAIMED, tipId);
			return "redirect:/help/claim";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			return "tip/claim";
		}
		catch (Tips.Throttled ex) {
			response.setStatus(429);
			response.setHeader("Retry-After", "3600");
			model.addAttribute("problem", ex.getMessage());
			return "tip/claim";
		}
	}

	@PostMapping("/help/claim/messages")
	String add(@RequestParam(required = false) String text, HttpSession session, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Long tipId = (Long) session.getAttribute(CLAIMED);
		if (tipId == null) {
			return notClaimed(response, model);
		}
		try {
			tips.addFromReporter(tipId, text);
			redirect.addFlashAttribute("notice", "已补充，学校会看到");
			return "redirect:/help/claim";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("typedText", text);
			model.addAttribute("view", tips.reporterView(tipId));
			return "tip/case";
		}
	}

	@PostMapping("/help/claim/photos")
	String photo(HttpServletRequest request, HttpSession session, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Long tipId = (Long) session.getAttribute(CLAIMED);
		if (tipId == null) {
			return notClaimed(response, model);
		}
		try {
			tips.addPhotoFromReporter(tipId, FormBinding.upload(request, "photo"));
			redirect.addFlashAttribute("notice", "照片已上传");
			return "redirect:/help/claim";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", ex.byField());
			model.addAttribute("view", tips.reporterView(tipId));
			return "tip/case";
		}
	}

	/** Closes the tip on this browser (on a shared phone). */
	@PostMapping("/help/claim/leave")
	String leave(HttpSession session) {
		session.removeAttribute(CLAIMED);
		return "redirect:/help/claim";
	}

	private static String notClaimed(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("errors", Map.of("code", "请先输入认领码"));
		return "tip/claim";
	}

}
