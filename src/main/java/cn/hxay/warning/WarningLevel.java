package cn.hxay.warning;

/**
 * The four warning levels of 《中华人民共和国突发事件应对法》 (2007) 第四十二条: 一级、二级、三级、四级, marked
 * 红色、橙色、黄色、蓝色, 一级 the highest.
 */
public enum WarningLevel {

	BLUE("蓝色预警（四级）", "text-bg-primary"), YELLOW("黄色预警（三级）", "text-bg-warning"),
	ORANGE("橙色预警（二级）", "text-bg-danger bg-opacity-75"), RED("红色预警（一级）", "text-bg-danger");

	private final String label;

	private final String colour;

	WarningLevel(String label, String colour) {
		this.label = label;
		this.colour = colour;
	}

	public String label() {
		return label;
	}

	/** The Bootstrap classes of the badge. */
	public String badge() {
		return colour;
	}

}
