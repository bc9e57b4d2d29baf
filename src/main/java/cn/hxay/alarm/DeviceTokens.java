package cn.hxay.alarm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Per-device tokens: 192 random bits shown once, stored only as their SHA-256 (a random
 * token needs no slow hash), compared in constant time.
 */
final class DeviceTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private DeviceTokens() {
	}

	static String newToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean matches(String token, String storedHash) {
		if (token == null || token.isEmpty() || token.length() > 200 || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}
