package cn.hxay.keyperson;

import java.util.List;

import cn.hxay.shared.crypto.KeyRing;

import org.springframework.stereotype.Component;

/**
 * Resident ID numbers for other modules (visitors at the gate, pick-up cards): checked,
 * masked for the screen and kept only as a keyed HMAC-SHA256 whose key is derived for
 * that purpose from the key ring outside the database (see {@link KeyRing}). Hashes of
 * one purpose never match the key-person search column, and a rotated key still matches
 * values hashed under an older one ({@link #all}).
 */
@Component
public class PersonHashes {

	private final KeyRing keys;

	PersonHashes(KeyRing keys) {
		this.keys = keys;
	}

	/** Spaces removed, a final x upper-cased. */
	public static String normalise(String raw) {
		return PersonalNumbers.normaliseIdNumber(raw);
	}

	/** Why an ID number is refused (GB 11643 form and check character), or null. */
	public static String problem(String normalised) {
		return PersonalNumbers.idNumberProblem(normalised);
	}

	/** The GB 11643 check character of the first 17 digits. */
	public static char checkCharacter(String first17) {
		return PersonalNumbers.checkCharacter(first17);
	}

	/** 3204**********1234 */
	public static String mask(String normalised) {
		return PersonalNumbers.maskIdNumber(normalised);
	}

	/** The hash to store, under the current key. */
	public String current(String purpose, String normalised) {
		return keys.purposeHmacs(purpose, normalised).get(0);
	}

	/** The hashes under every key of the ring, for matching stored hashes. */
	public List<String> all(String purpose, String normalised) {
		return keys.purposeHmacs(purpose, normalised);
	}

}
