package cn.hxay.alarm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Per-device tokens: 192 random bits shown once, stored only as their SHA-256 (a random
 * token needs no slow hash), compared in constant time.
 */
public final class DeviceTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private DeviceTokens() {
	}

	public static String newToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The token hashed as Mosquitto's password file wants it: PBKDF2-HMAC-SHA512, 101
	 * iterations, 12 random salt bytes, written {@code $7$101$<salt>$<hash>} (base64), so
	 * a generated password file lets the broker check the device's password itself.
	 */
	public static String brokerHash(String token) {
		byte[] salt = new byte[12];
		RANDOM.nextBytes(salt);
		try {
			byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
				.generateSecret(new PBEKeySpec(token.toCharArray(), salt, 101, 512))
				.getEncoded();
			return "$7$101$" + Base64.getEncoder().encodeToString(salt) + "$"
					+ Base64.getEncoder().encodeToString(hash);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static boolean matches(String token, String storedHash) {
		if (token == null || token.isEmpty() || token.length() > 200 || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}
