package cn.hxay.keyperson;

/**
 * Key-person control in a police unit's scope on a day (police-only): the persons under
 * control (管控中), those of them whose visit was overdue that day (逾期未走访), and the share
 * visited on time (落实管控率, whole percent; 100 with nobody under control). Each count is
 * what the key-person list filtered by 管控中 (and 逾期未走访) shows on that day.
 */
public record ControlFigures(long underControl, long overdue) {

	public long controlled() {
		return underControl - overdue;
	}

	public long ratePercent() {
		return underControl == 0 ? 100 : Math.round(controlled() * 100.0 / underControl);
	}

}
