package cn.hxay.compliance;

/**
 * One target rate for one area, with what it is made of.
 *
 * @param areaKey region code or police-station id, as a string
 */
public record Rate(String areaKey, String areaName, Metric metric, long numerator, long denominator) {

	public double percent() {
		return denominator == 0 ? 0 : Math.round(numerator * 1000.0 / denominator) / 10.0;
	}

	public boolean meetsTarget() {
		return denominator > 0 && percent() >= metric.targetPercent();
	}

}
