package cn.hxay.incident;

/**
 * The three tracks of 三同步 (seed 000 §四(二): “按照‘三同步’要求，及时妥善做好处置工作”): on-site handling,
 * public-opinion guidance and social control, recorded side by side.
 */
public enum Track {

	ON_SITE("现场处置"), PUBLIC_OPINION("舆论引导"), SOCIAL_CONTROL("社会面管控");

	private final String label;

	Track(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
