package cn.hxay.compliance;

/**
 * Whether only a full block counts (每满 N 人) or a started one too (不足 N 人按 N 人计).
 */
enum Rounding {

	FLOOR, CEIL;

	int blocks(int amount, int per) {
		if (amount <= 0) {
			return 0;
		}
		return this == FLOOR ? amount / per : (amount + per - 1) / per;
	}

	String describe(int per, int add) {
		return this == FLOOR ? "每满 " + per + " 人 " + add + " 名"
				: "每 " + per + " 人 " + add + " 名 (不足 " + per + " 人按 " + per + " 人计)";
	}

}
