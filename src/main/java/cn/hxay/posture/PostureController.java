package cn.hxay.posture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PlatformTime;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.util.HtmlUtils;

/**
 * A school's security posture: the current facts, an edit form (yes/no/not reported for
 * every fact of {@link PostureFacts}, a row per guard) and the history of versions. ID
 * numbers are shown masked; an editor may reveal one with a reason, which is audited.
 */
@Controller
class PostureController {

	private final Postures postures;

	private final SchoolRegistry schools;

	PostureController(Postures postures, SchoolRegistry schools) {
		this.postures = postures;
		this.schools = schools;
	}

	/** One row of the facts table: its index in the form and its fact. */
	public record FactRow(int index, PostureFact fact) {
	}

	/**
	 * One row of the guard table: what the form holds and, for a stored guard, the masked
	 * ID number (never the full one).
	 */
	public record GuardView(int index, PostureForm.GuardRow row, String masked, boolean stored) {
	}

	/** A version and the facts it changed against the one before it. */
	public record HistoryRow(PostureVersion version, List<String> changes) {
	}

	@GetMapping("/schools/{id}/posture")
	String show(@PathVariable long id, CurrentUser user, DataScope scope, Model model) {
		School school = schools.get(scope, id);
		Optional<PostureVersion> current = postures.currentVersion(id);
		SecurityPosture p = current.map(PostureVersion::posture).orElse(SecurityPosture.unreported());
		return page(school, user, scope, p, PostureForm.of(current.map(PostureVersion::id).orElse(null), p), model);
	}

	@PostMapping("/schools/{id}/posture")
	String record(@PathVariable long id, @Valid @ModelAttribute("form") PostureForm form, BindingResult binding,
			CurrentUser user, DataScope scope, Model model, RedirectAttributes redirect) {
		School school = schools.get(scope, id);
		if (!schools.mayChange(user, scope, school)) {
			throw new ForbiddenException("您无权修改该学校的安全防范情况");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (binding.hasErrors()) {
			for (FieldError error : binding.getFieldErrors()) {
				errors.merge(error.getField(), describe(form, error), (a, b) -> a + "；" + b);
			}
		}
		else {
			try {
				postures.record(user, scope, id, form);
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.byField());
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			// the page shows what was typed; the masks come from the version it was made
			// from
			SecurityPosture shown = postures.currentVersion(id)
				.map(PostureVersion::posture)
				.orElse(SecurityPosture.unreported());
			return page(school, user, scope, shown, form, model);
		}
		redirect.addFlashAttribute("notice", "已保存新的安全防范情况；合规评估将随之更新");
		return "redirect:/schools/" + id + "/posture";
	}

	/**
	 * The full ID number of one guard of a version, as an input the editor may change;
	 * refused without a reason. Audited.
	 */
	@PostMapping("/schools/{id}/posture/versions/{version}/guards/{index}/id-number")
	ResponseEntity<String> revealIdNumber(@PathVariable long id, @PathVariable long version, @PathVariable int index,
			@RequestParam(required = false) String reason, CurrentUser user, DataScope scope) {
		try {
			String number = postures.revealIdNumber(user, scope, id, version, index, reason);
			return ResponseEntity.ok()
				.contentType(MediaType.TEXT_HTML)
				.body("<input class=\"form-control form-control-sm\" name=\"guards[" + index
						+ "].idNumber\" data-revealed=\"true\" value=\"" + HtmlUtils.htmlEscape(number) + "\">");
		}
		catch (InvalidInputException ex) {
			return ResponseEntity.status(HttpStatus.BAD_REQUEST)
				.contentType(MediaType.TEXT_HTML)
				.body("<input class=\"form-control form-control-sm\" name=\"guards[" + index
						+ "].idNumber\" placeholder=\"留空则保留原号码\"><span class=\"text-danger small\">"
						+ HtmlUtils.htmlEscape(ex.byField().get("reason")) + "</span>");
		}
	}

	private String page(School school, CurrentUser user, DataScope scope, SecurityPosture p, PostureForm form,
			Model model) {
		model.addAttribute("school", school);
		model.addAttribute("p", p);
		model.addAttribute("form", form);
		List<FactRow> rows = new ArrayList<>();
		for (int i = 0; i < PostureFacts.ALL.size(); i++) {
			rows.add(new FactRow(i, PostureFacts.ALL.get(i)));
		}
		model.addAttribute("factRows", rows);
		List<GuardView> guards = new ArrayList<>();
		for (int i = 0; i < form.guards().size() + 2; i++) {
			PostureForm.GuardRow row = i < form.guards().size() ? form.guards().get(i)
					: new PostureForm.GuardRow("", "", "", "", "", "true", "");
			Guard stored = null;
			if (row.ref() != null && row.ref().matches("\\d{1,3}")
					&& Integer.parseInt(row.ref()) < p.guardList().size()) {
				stored = p.guardList().get(Integer.parseInt(row.ref()));
			}
			guards.add(new GuardView(i, row, stored == null ? null : stored.maskedIdNumber(), stored != null));
		}
		model.addAttribute("guards", guards);
		model.addAttribute("groups", PostureFact.Group.values());
		model.addAttribute("mayChange", schools.mayChange(user, scope, school));
		model.addAttribute("equipmentKinds", Equipment.values());
		model.addAttribute("perimeterTypes", PerimeterType.values());
		List<PostureVersion> versions = postures.history(scope, school.id());
		model.addAttribute("history", history(versions));
		model.addAttribute("sources", sources(versions));
		return "posture/show";
	}

	private static List<HistoryRow> history(List<PostureVersion> versions) {
		List<HistoryRow> rows = new ArrayList<>(versions.size());
		for (int i = 0; i < versions.size(); i++) {
			SecurityPosture before = i + 1 < versions.size() ? versions.get(i + 1).posture()
					: SecurityPosture.unreported();
			List<String> changes = new ArrayList<>(PostureFacts.changed(before, versions.get(i).posture()));
			if (!java.util.Objects.equals(before.guards(), versions.get(i).posture().guards())) {
				changes.add("保安员名单");
			}
			rows.add(new HistoryRow(versions.get(i), changes));
		}
		return rows;
	}

	/**
	 * The facts whose value in force was last set from another module's records (a
	 * version recorded by "来自…", such as the patrol records), with that source and day,
	 * for the page to show next to the fact.
	 */
	static Map<String, String> sources(List<PostureVersion> newestFirst) {
		Map<String, String> sources = new java.util.HashMap<>();
		if (newestFirst.isEmpty()) {
			return sources;
		}
		for (PostureFact fact : PostureFacts.ALL) {
			Object value = fact.valueIn(newestFirst.get(0).posture());
			int setter = 0;
			while (setter + 1 < newestFirst.size()
					&& java.util.Objects.equals(value, fact.valueIn(newestFirst.get(setter + 1).posture()))) {
				setter++;
			}
			PostureVersion v = newestFirst.get(setter);
			if (value != null && v.recordedBy() != null && v.recordedBy().startsWith(Postures.FROM_RECORDS)) {
				sources.put(fact.name(), v.recordedBy() + " · " + PlatformTime.DATE.format(v.validFrom()));
			}
		}
		return sources;
	}

	/** A binding error in Chinese, naming the fact or guard row it is about. */
	private static String describe(PostureForm form, FieldError error) {
		String field = error.getField();
		java.util.regex.Matcher row = java.util.regex.Pattern.compile("^(facts|guards)\\[(\\d+)]").matcher(field);
		String message = error.getDefaultMessage();
		if (row.find()) {
			int index = Integer.parseInt(row.group(2));
			if (row.group(1).equals("guards")) {
				return "保安员第 " + (index + 1) + " 行：" + message;
			}
			if (index < form.facts().size()) {
				return PostureFacts.label(String.valueOf(form.facts().get(index).name())) + "：" + message;
			}
		}
		return message;
	}

}
