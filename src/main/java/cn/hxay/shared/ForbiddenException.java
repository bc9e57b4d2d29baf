package cn.hxay.shared;

/**
 * The caller may see the thing but is not allowed to do this to it.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
