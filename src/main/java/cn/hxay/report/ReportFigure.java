package cn.hxay.report;

/**
 * One figure a module contributes for a unit and period, e.g. {@code hazard.total}.
 *
 * @param key the figure's name, {@code module.figure}; forms name the figures that
 * prefill their fields
 * @param source where it comes from, shown next to the value (e.g. 隐患台账)
 * @param policeOnly made from police-only data: shown to police readers alone, and the
 * report that carries it becomes police-only in that field
 * @param text for a case list, one line per case (the value is their number); null for a
 * plain count
 */
public record ReportFigure(String key, String label, long value, String source, boolean policeOnly, String text) {

	public ReportFigure(String key, String label, long value, String source, boolean policeOnly) {
		this(key, label, value, source, policeOnly, null);
	}

	/** What prefills a text field: the case lines, or the count. */
	public String prefill() {
		return text != null ? text : Long.toString(value);
	}

}
