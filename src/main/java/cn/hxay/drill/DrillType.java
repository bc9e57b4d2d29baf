package cn.hxay.drill;

/** The kinds of drill a school runs (seed 001 §三.9: 防火、防爆、防灾、防不法侵害等应急疏散演练). */
public enum DrillType {

	FIRE("消防（火灾）演练"), EVACUATION("应急疏散演练"), ANTI_INTRUSION("防不法侵害（反恐防暴）演练"), EARTHQUAKE("防震（防灾）演练");

	private final String label;

	DrillType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
