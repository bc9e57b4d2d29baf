package cn.hxay.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One term of a school's risk score: how many of a thing the school has, the weight each
 * counts for, where the count comes from and what would lower it.
 *
 * @param key stable name
 * @param label what is counted, in Chinese
 * @param count how many the school has
 * @param weight points per item
 * @param source the list the count is read from
 * @param remedy what lowers the term
 * @param link context-relative link to that list for the school, or {@code null}
 */
public record RiskTerm(String key, String label, long count, int weight, String source, String remedy, String link) {

	@JsonProperty("points")
	public long points() {
		return count * weight;
	}

}
