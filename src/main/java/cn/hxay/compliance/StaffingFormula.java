package cn.hxay.compliance;

import java.util.ArrayList;
import java.util.List;

import cn.hxay.school.SchoolDetails;

/**
 * How many guards a school needs, in every shape the regions use (standards.md §1h):
 * banded tiers, a base plus increments above a threshold, a per-mille of the population,
 * a flat minimum, and boarding add-ons, over one of three count bases. The result carries
 * the arithmetic in words.
 *
 * @param bands ordered tiers: the first whose {@code upTo} (inclusive) covers the count
 * gives the base
 * @param above for counts beyond the last band: {@code base} plus {@code add} per
 * {@code per} people over {@code threshold}
 * @param perMille a share of the population, e.g. 2‰ of staff and students above 1500
 * @param minimum a flat floor, e.g. 国办发〔2017〕35号's one full-time guard
 * @param boarding extra guards for boarders, a per-school add-on and a floor for boarding
 * schools
 */
record StaffingFormula(Basis basis, List<Band> bands, Above above, PerMille perMille, int minimum,
		BoardingAddOn boarding) {

	enum Basis {

		STUDENTS("学生"), NON_BOARDING_STUDENTS("走读学生"), STAFF_AND_STUDENTS("师生");

		final String label;

		Basis(String label) {
			this.label = label;
		}

		int count(SchoolDetails school) {
			return switch (this) {
				case STUDENTS -> school.students();
				case NON_BOARDING_STUDENTS -> school.students() - school.boarders();
				case STAFF_AND_STUDENTS -> school.students() + school.staff();
			};
		}

	}

	/**
	 * @param inferred the tier was inferred by the project (not stated in the source): a
	 * shortfall against it is only advisory
	 */
	record Band(int upTo, int guards, boolean inferred) {

		Band(int upTo, int guards) {
			this(upTo, guards, false);
		}

	}

	record Above(int threshold, int base, int per, int add, Rounding rounding) {
	}

	record PerMille(int above, double rate, Rounding rounding) {
	}

	record BoardingAddOn(int minimum, int per, int add, Rounding rounding, int perSchool) {
	}

	/**
	 * @param inferred the count rests on a tier the project inferred
	 */
	record Requirement(int guards, String arithmetic, boolean inferred) {
	}

	/** The guards required, without the words (for bulk evaluation). */
	int guards(SchoolDetails school) {
		return compute(school, null).guards();
	}

	/** The guards required and whether that rests on an inferred tier, without words. */
	Requirement requirement(SchoolDetails school) {
		return compute(school, null);
	}

	Requirement required(SchoolDetails school) {
		return compute(school, new ArrayList<>());
	}

	/**
	 * One computation for both: {@code parts} collects the arithmetic in words when
	 * given.
	 */
	private Requirement compute(SchoolDetails school, List<String> words) {
		int n = basis.count(school);
		int guards = 0;
		Band band = null;
		for (Band b : bands) {
			if (n <= b.upTo()) {
				band = b;
				break;
			}
		}
		boolean inferred = false;
		if (band != null) {
			guards = band.guards();
			inferred = band.inferred();
			if (words != null) {
				words.add("基础 " + guards + " 名" + (inferred ? "（推断档）" : ""));
			}
		}
		else if (above != null) {
			guards = above.base();
			if (words != null) {
				words.add("基础 " + guards + " 名");
			}
			int over = n - above.threshold();
			int extra = above.rounding().blocks(over, above.per()) * above.add();
			if (over > 0) {
				if (words != null) {
					words.add("超出 " + above.threshold() + " 人部分" + above.rounding().describe(above.per(), above.add())
							+ " (+" + extra + ")");
				}
				guards += extra;
			}
		}
		else if (!bands.isEmpty()) {
			guards = bands.get(bands.size() - 1).guards();
			if (words != null) {
				words.add("基础 " + guards + " 名");
			}
		}
		if (perMille != null && n > perMille.above()) {
			int byShare = perMille.rounding() == Rounding.CEIL ? (int) Math.ceil(n * perMille.rate() / 1000)
					: (int) Math.floor(n * perMille.rate() / 1000);
			if (words != null) {
				words.add("按" + basis.label + "人数 " + perMille.rate() + "‰ 计 " + byShare + " 名");
			}
			guards = Math.max(guards, byShare);
		}
		boolean boards = school.boarding() && school.boarders() > 0;
		if (boarding != null && boards) {
			if (boarding.per() > 0) {
				int extra = boarding.rounding().blocks(school.boarders(), boarding.per()) * boarding.add();
				if (words != null) {
					words.add(
							"寄宿生" + boarding.rounding().describe(boarding.per(), boarding.add()) + " (+" + extra + ")");
				}
				guards += extra;
			}
			if (boarding.perSchool() > 0) {
				if (words != null) {
					words.add("寄宿制学校 (+" + boarding.perSchool() + ")");
				}
				guards += boarding.perSchool();
			}
			if (guards < boarding.minimum()) {
				if (words != null) {
					words.add("寄宿制学校至少 " + boarding.minimum() + " 名");
				}
				guards = boarding.minimum();
			}
		}
		if (guards < minimum) {
			if (words != null) {
				words.add("至少 " + minimum + " 名");
			}
			guards = minimum;
		}
		if (words == null) {
			return new Requirement(guards, null, inferred);
		}
		String people = basis.label + " " + n + " 人" + (boards ? "，寄宿生 " + school.boarders() + " 人" : "");
		return new Requirement(guards, people + "：" + String.join(" + ", words), inferred);
	}

}
