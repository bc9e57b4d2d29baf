package cn.hxay.visitor;

/**
 * What the gatekeeper types at check-in (a pre-registered visit is named by
 * {@code preRegistration}; its purpose, host and plate are taken when left blank).
 *
 * @param escort the member of staff who accompanies the visitor all the time (全程陪同)
 */
public record CheckIn(String name, String idNumber, String phone, String purpose, String host, String plate,
		String escort, Long preRegistration) {

	public static CheckIn empty() {
		return new CheckIn(null, null, null, null, null, null, null, null);
	}

}
