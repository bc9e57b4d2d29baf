package cn.hxay.identity;

import java.util.Optional;

/**
 * 等保 2.0 level 3 password complexity: at least 8 characters, from at least three of the
 * four classes (lower case, upper case, digits, symbols).
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	private PasswordPolicy() {
	}

	/** Why the password is refused, or empty when it is acceptable. */
	static Optional<String> check(String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("密码至少 " + MIN_LENGTH + " 位");
		}
		if (password.length() > 64) {
			return Optional.of("密码不能超过 64 位");
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			return Optional.of("密码须包含大写字母、小写字母、数字、符号中的至少三类");
		}
		return Optional.empty();
	}

}
