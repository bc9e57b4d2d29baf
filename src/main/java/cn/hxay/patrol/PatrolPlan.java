package cn.hxay.patrol;

/**
 * A school's patrol plan.
 *
 * @param roundsPerDay rounds of the key areas required a day (GB/T 29315-2022 人力防范要求: at
 * least 5)
 * @param minSecondsBetween fewer seconds than this between two points makes a round
 * implausible (too fast)
 * @param roundMinutes a round not finished within this many minutes has missed points
 */
public record PatrolPlan(long schoolId, int roundsPerDay, int minSecondsBetween, int roundMinutes) {

	/** GB/T 29315-2022 人力防范要求: 每天不少于 5 次巡查重点部位和区域. */
	public static final int DEFAULT_ROUNDS = 5;

	public static final String SOURCE = "GB/T 29315-2022《中小学、幼儿园安全防范要求》人力防范要求：每日对重点部位和区域巡查不少于 5 次";

	public static PatrolPlan defaults(long schoolId) {
		return new PatrolPlan(schoolId, DEFAULT_ROUNDS, 60, 120);
	}

}
