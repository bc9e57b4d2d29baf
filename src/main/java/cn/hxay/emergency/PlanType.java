package cn.hxay.emergency;

/** The kinds of emergency plan a school keeps. */
public enum PlanType {

	OVERALL("总体应急预案"), FIRE("火灾"), EARTHQUAKE("地震及自然灾害"), INTRUSION("不法侵害（暴恐袭击）"), FOOD("食品安全事故"),
	PUBLIC_HEALTH("公共卫生事件"), TRAFFIC("交通（校车）事故"), STAMPEDE("拥挤踩踏");

	private final String label;

	PlanType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
