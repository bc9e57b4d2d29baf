package cn.hxay.shared.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.ui.Model;

/**
 * A list page with one figure per status, each figure opening the list filtered to it:
 * the figures count the same rows the filtered list shows.
 */
public final class StatusFigures {

	private StatusFigures() {
	}

	/**
	 * Puts {@code figures} (a count per status), {@code status} (the filter, or null) and
	 * {@code statuses} in the model and answers the rows the filter keeps.
	 */
	public static <E extends Enum<E>, T> List<T> show(Model model, Class<E> type, List<T> all, Function<T, E> statusOf,
			E status) {
		Map<E, Long> figures = new EnumMap<>(type);
		for (E s : type.getEnumConstants()) {
			figures.put(s, all.stream().filter(item -> statusOf.apply(item) == s).count());
		}
		model.addAttribute("figures", figures);
		model.addAttribute("status", status);
		model.addAttribute("statuses", type.getEnumConstants());
		return only(all, statusOf, status);
	}

	/** The rows with the status asked for; all of them without one. */
	public static <E extends Enum<E>, T> List<T> only(List<T> all, Function<T, E> statusOf, E status) {
		return all.stream().filter(item -> status == null || statusOf.apply(item) == status).toList();
	}

}
