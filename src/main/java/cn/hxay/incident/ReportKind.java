package cn.hxay.incident;

/** The three reports of an incident: 初报 (first), 续报 (follow-up), 终报 (final). */
public enum ReportKind {

	FIRST("初报"), FOLLOW_UP("续报"), FINAL("终报");

	private final String label;

	ReportKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
