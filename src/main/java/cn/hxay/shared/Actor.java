package cn.hxay.shared;

/**
 * Whoever is acting: the signed-in principal exposes its username and unit so that the
 * audit log can name them.
 */
public interface Actor {

	String username();

	long organisationId();

}
