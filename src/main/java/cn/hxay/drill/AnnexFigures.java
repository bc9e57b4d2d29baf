package cn.hxay.drill;

/**
 * Annex 1's rows for one school (or, with {@code schoolId} 0, a county's total) over a
 * period, counted from the records: 假期学生安全教育情况 (sessions and lectures, and how many
 * attended), 假期师生团体活动 次数 and 总人数, and 安全是否由校级领导直接负责 (null when there was no activity,
 * else whether every one had a responsible school leader).
 */
public record AnnexFigures(long schoolId, String schoolName, String regionCode, int educationSessions,
		int legalLectures, int educationAudience, int activities, int people, Boolean ledBySchoolLeader) {

	/** The Annex's text for 假期学生安全教育情况. */
	public String educationText() {
		if (educationSessions + legalLectures == 0) {
			return "未开展";
		}
		return "安全专题教育 " + educationSessions + " 次、法治辅导员讲座 " + legalLectures + " 次，共 " + educationAudience + " 人次";
	}

}
