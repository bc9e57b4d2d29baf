package cn.hxay.posture;

/**
 * Protective equipment kinds (防护装备器械) named in the seeds and regional lists.
 */
public enum Equipment {

	STEEL_FORK("安全叉/钢叉"), RUBBER_BATON("长短橡胶棒"), TEAR_GAS_SPRAY("催泪喷雾器"), STAB_VEST("防刺背心"), HELMET("防护头盔"),
	CUT_RESISTANT_GLOVES("防割手套"), SHIELD("防暴盾牌");

	private final String label;

	Equipment(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
