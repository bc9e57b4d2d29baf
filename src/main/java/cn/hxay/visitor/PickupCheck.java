package cn.hxay.visitor;

/** The answer at the gate for one adult and one card: passed, with the adult's name. */
public record PickupCheck(boolean passed, String cardNo, String childName, String className, String adultName,
		String relation) {
}
