package cn.hxay.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.hxay.school.Locality;
import cn.hxay.school.Ownership;
import cn.hxay.school.SchoolDetails;
import cn.hxay.school.SchoolKind;

/**
 * Which schools a rule concerns; an empty set means any. Population is staff plus
 * students.
 *
 * @param excludedKinds kinds the rule does not concern, for a notice that gives another
 * group its own rule (seed 002: 城镇学校 3 guards, 民办幼儿园 2)
 */
record AppliesTo(Set<SchoolKind> kinds, Set<SchoolKind> excludedKinds, Set<Ownership> ownership,
		Set<Locality> localities, Boolean boarding, Integer minPopulation, Integer maxPopulation) {

	static final AppliesTo ALL = new AppliesTo(Set.of(), Set.of(), Set.of(), Set.of(), null, null, null);

	boolean matches(SchoolDetails school) {
		int population = school.students() + school.staff();
		return (kinds.isEmpty() || kinds.contains(school.kind())) && !excludedKinds.contains(school.kind())
				&& (ownership.isEmpty() || ownership.contains(school.ownership()))
				&& (localities.isEmpty() || localities.contains(school.locality()))
				&& (boarding == null || boarding == school.boarding())
				&& (minPopulation == null || population >= minPopulation)
				&& (maxPopulation == null || population <= maxPopulation);
	}

	String describe() {
		List<String> parts = new ArrayList<>();
		if (!ownership.isEmpty()) {
			parts.add(String.join("/", ownership.stream().map(Ownership::label).sorted().toList()));
		}
		if (!localities.isEmpty()) {
			parts.add(String.join("/", localities.stream().map(Locality::label).sorted().toList()));
		}
		if (!kinds.isEmpty()) {
			parts.add(String.join("/", kinds.stream().map(SchoolKind::label).sorted().toList()));
		}
		if (!excludedKinds.isEmpty()) {
			parts.add(String.join("/", excludedKinds.stream().map(SchoolKind::label).sorted().toList()) + "以外的");
		}
		if (Boolean.TRUE.equals(boarding)) {
			parts.add("寄宿制");
		}
		if (minPopulation != null) {
			parts.add("师生 ≥ " + minPopulation + " 人");
		}
		if (maxPopulation != null) {
			parts.add("师生 ≤ " + maxPopulation + " 人");
		}
		return parts.isEmpty() ? "所有学校" : String.join("、", parts) + "学校";
	}

}
