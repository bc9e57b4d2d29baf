package cn.hxay.dutypost;

/**
 * Coverage of one county, station or post on one day: its peaks (post × bell) by status.
 *
 * @param key the filter that lists exactly these peaks, e.g. {@code regionCode=320402}
 */
public record CoverageLine(String key, String name, int peaks, int met, int shortStaffed, int gaps, int pending) {

	/** Peaks whose bell has rung. */
	public int due() {
		return peaks - pending;
	}

	/** Percentage of the rung peaks that were met, or null when none has rung. */
	public Integer rate() {
		return due() == 0 ? null : (int) Math.round(met * 100.0 / due());
	}

}
