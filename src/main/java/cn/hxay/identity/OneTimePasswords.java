package cn.hxay.identity;

import java.security.SecureRandom;

/**
 * One-time passwords for accounts opened in bulk or reset by an administrator: twelve
 * characters from a strong random source, always lower case, upper case, a digit and a
 * symbol (so they pass {@link PasswordPolicy}), without look-alikes (0/O, 1/l/I) since
 * they are read off a sheet and typed on a phone. The holder must replace one at first
 * sign-in.
 */
final class OneTimePasswords {

	private static final String LOWER = "abcdefghjkmnpqrstuvwxyz";

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "@#%+=?";

	private static final String ALL = LOWER + UPPER + DIGITS + SYMBOLS;

	static final int LENGTH = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private OneTimePasswords() {
	}

	static String next() {
		char[] password = new char[LENGTH];
		password[0] = pick(LOWER);
		password[1] = pick(UPPER);
		password[2] = pick(DIGITS);
		password[3] = pick(SYMBOLS);
		for (int i = 4; i < LENGTH; i++) {
			password[i] = pick(ALL);
		}
		for (int i = LENGTH - 1; i > 0; i--) {
			int j = RANDOM.nextInt(i + 1);
			char swap = password[i];
			password[i] = password[j];
			password[j] = swap;
		}
		return new String(password);
	}

	private static char pick(String from) {
		return from.charAt(RANDOM.nextInt(from.length()));
	}

}
