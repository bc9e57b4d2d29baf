package cn.hxay.shared.crypto;

/**
 * A module that keeps values under the key ring: on start after a rotation it rewrites
 * the values still under an older key ({@link FieldCipher#isStale}).
 */
public interface ReEncryption {

	/** What is re-encrypted, in Chinese, for the log. */
	String what();

	/** Rewrites every value under an older key; how many records changed. */
	int reencryptStale();

}
