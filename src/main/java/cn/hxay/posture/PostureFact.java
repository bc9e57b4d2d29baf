package cn.hxay.posture;

import java.util.function.Function;

/**
 * One named fact of a school's posture: the one description that the posture page, its
 * history, the compliance rules and the inspection checklists all read.
 *
 * @param name the field name in {@link SecurityPosture} and in rule and checklist files
 * @param label the Chinese label shown on every page
 * @param reader reads the fact from a posture ({@code null}: not reported)
 */
public record PostureFact(String name, String label, Group group, Type type, Function<SecurityPosture, Object> reader) {

	/** The groups of seed 001's Annex 1, in the order forms show them. */
	public enum Group {

		STAFFING("人防：组织与制度"), PHYSICAL("物防"), TECHNICAL("技防"), FIRE_AND_CHEMICALS("消防与危化品");

		private final String label;

		Group(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** What kind of value the fact holds. */
	public enum Type {

		/** yes / no / not reported */
		FLAG,
		/** a whole number */
		COUNT,
		/** a decimal number */
		DECIMAL,
		/** free text */
		TEXT

	}

	public Object valueIn(SecurityPosture posture) {
		return reader.apply(posture);
	}

}
