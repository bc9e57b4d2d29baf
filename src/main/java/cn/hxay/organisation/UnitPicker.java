package cn.hxay.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the searchable unit picker shows (template {@code organisation/unit-picker}): the
 * text searched, the unit already chosen (kept first and checked while the search
 * changes) and up to twenty enabled units whose name contains the text, each with its
 * kind and region. It replaces drop-downs of every unit of the city.
 *
 * @param field the name of the form field the chosen unit id is sent as
 * @param kinds the kinds offered (any when empty)
 */
public record UnitPicker(String field, String q, List<OrganisationKind> kinds, Organisation chosen,
		List<Organisation> options, Map<String, String> regionNames) {

	static final int SHOWN = 20;

	/** The picker for a field, searched for {@code q}, with {@code chosenId} kept. */
	public static UnitPicker of(Organisations organisations, String field, String q, List<OrganisationKind> kinds,
			Long chosenId) {
		List<OrganisationKind> offered = kinds == null ? List.of() : List.copyOf(kinds);
		Organisation chosen = organisations.find(chosenId)
			.filter(u -> offered.isEmpty() || offered.contains(u.kind()))
			.orElse(null);
		List<Organisation> options = new ArrayList<>();
		if (chosen != null) {
			options.add(chosen);
		}
		organisations.search(q, offered, SHOWN)
			.stream()
			.filter(u -> chosen == null || u.id() != chosen.id())
			.forEach(options::add);
		String text = q == null ? "" : q.strip();
		return new UnitPicker(field, text.length() > 100 ? text.substring(0, 100) : text, offered, chosen, options,
				organisations.regions().stream().collect(Collectors.toMap(Region::code, Region::name)));
	}

	/** A picker with nothing searched or chosen yet. */
	public static UnitPicker empty(String field, List<OrganisationKind> kinds, Map<String, String> regionNames) {
		return new UnitPicker(field, "", List.copyOf(kinds), null, List.of(), regionNames);
	}

	public boolean isChosen(Organisation unit) {
		return chosen != null && chosen.id() == unit.id();
	}

	public String describe(Organisation unit) {
		return unit.kind().label() + " · " + regionNames.getOrDefault(unit.regionCode(), unit.regionCode());
	}

}
