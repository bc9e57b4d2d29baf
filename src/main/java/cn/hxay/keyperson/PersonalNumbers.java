package cn.hxay.keyperson;

import java.util.Locale;

/**
 * Resident ID numbers (GB 11643, 18 characters with a check character) and phone numbers:
 * normalised before encryption and hashing, masked for the screen.
 */
final class PersonalNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = "10X98765432".toCharArray();

	private PersonalNumbers() {
	}

	/** Spaces removed, a final x upper-cased. */
	static String normaliseIdNumber(String raw) {
		return raw == null ? null : raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}

	/** Why an ID number is refused, or {@code null} when it is valid. */
	static String idNumberProblem(String normalised) {
		if (normalised == null || normalised.isEmpty()) {
			return "请填写身份证号";
		}
		if (!normalised.matches("\\d{17}[\\dX]")) {
			return "身份证号应为 18 位（最后一位可为 X）";
		}
		return checkCharacter(normalised.substring(0, 17)) == normalised.charAt(17) ? null : "身份证号校验位不正确，请核对";
	}

	/** The GB 11643 check character of the first 17 digits. */
	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	static String normalisePhone(String raw) {
		if (raw == null) {
			return null;
		}
		String digits = raw.replaceAll("[\\s-]", "");
		return digits.isEmpty() ? null : digits;
	}

	/** Why a phone number is refused, or {@code null}; blank is allowed. */
	static String phoneProblem(String normalised) {
		if (normalised == null) {
			return null;
		}
		return normalised.matches("1\\d{10}|0\\d{9,11}") ? null : "电话应为 11 位手机号或带区号的固定电话";
	}

	/** 3204**********1234 */
	static String maskIdNumber(String idNumber) {
		if (idNumber == null || idNumber.length() < 8) {
			return idNumber == null ? null : "*".repeat(idNumber.length());
		}
		return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
	}

	/** 138****5678 */
	static String maskPhone(String phone) {
		if (phone == null) {
			return null;
		}
		if (phone.length() < 7) {
			return "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

}
