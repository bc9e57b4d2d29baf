package cn.hxay.supervision;

/**
 * The consequences the seeds name (seed 000 §四, seed 004 §四): 约谈 the unit's head, 问责 the
 * people responsible, 一票否决 in the year's assessment, 挂牌督办 of a hazard or unit.
 */
public enum AccountabilityKind {

	INTERVIEW("约谈"), ACCOUNTABILITY("问责"), VETO("一票否决"), LISTED_SUPERVISION("挂牌督办");

	private final String label;

	AccountabilityKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
