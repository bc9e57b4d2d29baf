package cn.hxay.visitor;

/**
 * The gate's answer. When refused the gatekeeper sees only {@link #REFUSED} and never
 * why: the police station has been alerted.
 */
public record CheckInResult(Visit visit, boolean refused) {

	public static final String REFUSED = "请勿放行，请联系属地派出所";

	public String message() {
		return refused ? REFUSED : "已登记入校，请陪同人员全程陪同";
	}

}
