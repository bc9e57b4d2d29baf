package cn.hxay.unlicensed;

import java.util.Optional;

/**
 * Where an institution stands: 限期办证 (found, given a deadline to obtain approval), then
 * closed out (销号) either as 已办证 (licensed) or 已取缔 (banned).
 */
public enum InstitutionStatus {

	PENDING("限期办证"), LICENSED("已办证（销号）"), BANNED("已取缔（销号）");

	private final String label;

	InstitutionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean closed() {
		return this != PENDING;
	}

	static Optional<InstitutionStatus> parse(String name) {
		for (InstitutionStatus s : values()) {
			if (s.name().equals(name)) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

}
