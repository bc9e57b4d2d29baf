package cn.hxay.patrol;

/** One school's patrol figures of a day, for bureaus and police. */
public record SchoolPatrolStatus(long schoolId, String schoolName, int required, int validRounds, int flaggedRounds,
		int points) {

	public boolean met() {
		return validRounds >= required;
	}

}
