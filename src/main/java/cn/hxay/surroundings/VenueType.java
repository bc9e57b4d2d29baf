package cn.hxay.surroundings;

import java.util.Arrays;
import java.util.Optional;

/** Kinds of venue around schools (seed 001 §三.2 and 6; seed 003 §二(三)). */
public enum VenueType {

	INTERNET_CAFE("互联网上网服务营业场所"), ENTERTAINMENT("娱乐场所"), LOTTERY("彩票专营"), FOOD_STALL("食品摊贩/小餐饮"), SMALL_HOTEL("中小旅馆"),
	RENTAL_HOUSING("出租房屋"), SCRAP_YARD("废品收购站"), SHOP("商店"), OTHER("其他");

	private final String label;

	VenueType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<VenueType> parse(String text) {
		return Arrays.stream(values()).filter(t -> t.name().equals(text) || t.label.equals(text)).findFirst();
	}

}
