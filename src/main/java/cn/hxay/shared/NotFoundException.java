package cn.hxay.shared;

/**
 * The thing asked for does not exist, or lies outside the caller's data scope: the two
 * are answered alike so that a scope never leaks what lies beyond it.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
