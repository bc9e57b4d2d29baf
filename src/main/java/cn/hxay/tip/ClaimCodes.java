package cn.hxay.tip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Claim codes (认领码): 20 characters from a 32-letter alphabet without look-alikes (100
 * random bits), written in groups of four, shown once and stored only as their SHA-256
 * (JDK JCA): a random code of this length needs no slow hash, and the hash lets the code
 * be found without an account.
 */
final class ClaimCodes {

	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final Pattern WELL_FORMED = Pattern.compile("[2-9A-HJ-NP-Z]{20}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private ClaimCodes() {
	}

	static String newCode() {
		StringBuilder code = new StringBuilder(24);
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * The code as typed, without spaces and dashes and in capitals, or {@code null} when
	 * it cannot be a claim code at all.
	 */
	static String normalised(String typed) {
		if (typed == null || typed.length() > 60) {
			return null;
		}
		String plain = typed.replaceAll("[\\s\\-－—]", "").toUpperCase(Locale.ROOT);
		return WELL_FORMED.matcher(plain).matches() ? plain : null;
	}

	static String hash(String code) {
		String plain = normalised(code);
		if (plain == null) {
			throw new IllegalArgumentException("not a claim code");
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
