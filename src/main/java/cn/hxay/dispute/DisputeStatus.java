package cn.hxay.dispute;

import java.util.Optional;

/** 化解中 (open, possibly escalated) → 已化解 (resolved, counted as 已解决 in the Annex). */
public enum DisputeStatus {

	OPEN("化解中"), RESOLVED("已化解");

	private final String label;

	DisputeStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static Optional<DisputeStatus> parse(String name) {
		for (DisputeStatus s : values()) {
			if (s.name().equals(name)) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

}
