package cn.hxay.incident;

import java.util.Optional;

/** Where an incident's reporting stands: 已初报 → 续报中 → 已终报. */
public enum IncidentStatus {

	REPORTED("已初报"), FOLLOWING_UP("续报中"), CLOSED("已终报");

	private final String label;

	IncidentStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static Optional<IncidentStatus> parse(String name) {
		for (IncidentStatus s : values()) {
			if (s.name().equals(name)) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

}
