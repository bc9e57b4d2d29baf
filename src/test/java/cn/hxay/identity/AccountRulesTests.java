package cn.hxay.identity;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password policy and the lockout rule of 等保 2.0 level 3, without Spring.
 */
class AccountRulesTests {

	@ParameterizedTest
	@CsvSource({ "Abcdef1!, true", "abcdef12, false", "ABCDEFG1, false", "Abcdefg1, true", "abc1!@#x, true",
			"Ab1!, false", "abcdefgh, false", "Demo@2026, true" })
	void passwordNeedsEightCharactersFromThreeClasses(String password, boolean accepted) {
		assertThat(PasswordPolicy.check(password).isEmpty()).isEqualTo(accepted);
	}

	@Test
	void theFifthFailureLocksForFifteenMinutesAndTheLockRunsOut() {
		Instant now = Instant.parse("2026-11-25T02:00:00Z");
		UserAccount account = new UserAccount(1, "u", "U", "hash", 1, Set.of(Role.INSPECTOR), null, true, 0, null, 0);
		for (int i = 0; i < 4; i++) {
			account = account.afterFailedLogin(now);
			assertThat(account.isLockedAt(now)).isFalse();
		}
		assertThat(account.failedAttempts()).isEqualTo(4);
		account = account.afterFailedLogin(now);
		assertThat(account.isLockedAt(now)).isTrue();
		assertThat(account.isLockedAt(now.plusSeconds(15 * 60 - 1))).isTrue();
		assertThat(account.isLockedAt(now.plusSeconds(15 * 60))).isFalse();
		UserAccount afterLock = account.afterFailedLogin(now.plusSeconds(16 * 60));
		assertThat(afterLock.failedAttempts()).as("a lock that ran out is forgotten").isEqualTo(1);
		assertThat(afterLock.isLockedAt(now.plusSeconds(16 * 60))).isFalse();
	}

	@Test
	void failuresFollowedByFifteenQuietMinutesAreForgotten() {
		Instant first = Instant.parse("2026-11-25T02:00:00Z");
		UserAccount account = new UserAccount(1, "u", "U", "hash", 1, Set.of(Role.INSPECTOR), null, true, 0, null, 0);
		for (int i = 0; i < 3; i++) {
			account = account.afterFailedLogin(first);
		}
		assertThat(account.afterQuietSince(first, first.plusSeconds(15 * 60 - 1)).failedAttempts()).isEqualTo(3);
		UserAccount later = account.afterQuietSince(first, first.plusSeconds(15 * 60))
			.afterFailedLogin(first.plusSeconds(15 * 60));
		assertThat(later.failedAttempts()).as("not in a row with the three before").isEqualTo(1);
	}

	@Test
	void failuresWhileLockedDoNotExtendTheLock() {
		Instant now = Instant.parse("2026-11-25T02:00:00Z");
		UserAccount locked = new UserAccount(1, "u", "U", "hash", 1, Set.of(Role.INSPECTOR), null, true, 0,
				now.plusSeconds(600), 0);
		assertThat(locked.afterFailedLogin(now).lockedUntil()).isEqualTo(now.plusSeconds(600));
	}

}
