package cn.hxay.hazard;

/**
 * How many hazards a region or school has, how many are closed, overdue and supervised,
 * and the rectification rate (closed share in percent, one decimal; 100 when there is
 * nothing to fix).
 */
public record RectificationFigures(String key, long total, long closed, long overdue, long supervised, double rate) {

	static RectificationFigures of(String key, long total, long closed, long overdue, long supervised) {
		double rate = total == 0 ? 100.0 : Math.round(closed * 1000.0 / total) / 10.0;
		return new RectificationFigures(key, total, closed, overdue, supervised, rate);
	}

}
