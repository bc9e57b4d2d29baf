package cn.hxay.visitor;

/** A new pick-up card with one or two authorised adults. */
public record NewPickupCard(String cardNo, String childName, String className, String adult1Name, String adult1Relation,
		String adult1IdNumber, String adult2Name, String adult2Relation, String adult2IdNumber) {

	public static NewPickupCard empty() {
		return new NewPickupCard(null, null, null, null, null, null, null, null, null);
	}

}
