package cn.hxay.visitor;

import java.util.List;

/**
 * A kindergarten child's pick-up card (接送卡) and the adults allowed to collect the child.
 */
public record PickupCard(long id, long schoolId, String cardNo, String childName, String className,
		List<Adult> adults) {

	/** An adult on the card: name, relation, masked ID number. */
	public record Adult(String name, String relation, String idMasked) {
	}

}
