package cn.hxay.supervision;

import java.time.LocalDate;

/**
 * A member of a group; one who has left keeps the row with the day and the reason (the
 * group's roster over time).
 */
public record Member(long id, long groupId, String name, MemberRole role, String position, String phone,
		LocalDate joinedOn, LocalDate leftOn, String leftReason) {

	public boolean current() {
		return leftOn == null;
	}

	/** The phone number as lists show it: 138****5678. */
	public String maskedPhone() {
		return mask(phone);
	}

	static String mask(String phone) {
		if (phone == null || phone.length() < 7) {
			return "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

	/** The copy a list shows: the phone number masked. */
	public Member masked() {
		return new Member(id, groupId, name, role, position, maskedPhone(), joinedOn, leftOn, leftReason);
	}

}
