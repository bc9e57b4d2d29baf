package cn.hxay.school;

import java.util.Arrays;
import java.util.Optional;

/**
 * Urban, town or rural (城区 / 镇区 / 乡村), the statistical class of the school's location.
 */
public enum Locality {

	URBAN("城区"), TOWN("镇区"), RURAL("乡村");

	private final String label;

	Locality(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<Locality> fromLabel(String text) {
		return Arrays.stream(values()).filter(l -> l.label.equals(text) || l.name().equals(text)).findFirst();
	}

}
