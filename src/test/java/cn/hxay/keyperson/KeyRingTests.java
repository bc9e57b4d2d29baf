package cn.hxay.keyperson;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The key ring without Spring: AES-256-GCM round trip, tampering, rotation, HMAC search.
 */
class KeyRingTests {

	private static final String ID = "32040219800101123X";

	private static byte[] key(int fill) {
		byte[] bytes = new byte[32];
		java.util.Arrays.fill(bytes, (byte) fill);
		return bytes;
	}

	private static KeyRing ring(String... ids) {
		Map<String, byte[]> material = new LinkedHashMap<>();
		for (String id : ids) {
			material.put(id, key(id.hashCode()));
		}
		return new KeyRing(material);
	}

	@Test
	void encryptsWithARandomNonceAndDecryptsBack() {
		KeyRing ring = ring("k1");
		String a = ring.encrypt("id_number", ID);
		String b = ring.encrypt("id_number", ID);
		assertThat(a).startsWith("k1:").doesNotContain(ID).doesNotContain("19800101");
		assertThat(a).isNotEqualTo(b);
		assertThat(ring.decrypt("id_number", a)).isEqualTo(ID);
		assertThat(ring.decrypt("id_number", b)).isEqualTo(ID);
		// nonce 12 + plaintext 18 + tag 16 bytes
		assertThat(Base64.getDecoder().decode(a.substring(3))).hasSize(12 + 18 + 16);
		assertThat(ring.encrypt("phone", null)).isNull();
	}

	@Test
	void refusesATamperedCiphertext() {
		KeyRing ring = ring("k1");
		String stored = ring.encrypt("id_number", ID);
		byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
		bytes[20] ^= 1;
		String tampered = "k1:" + Base64.getEncoder().encodeToString(bytes);
		assertThatIllegalStateException().isThrownBy(() -> ring.decrypt("id_number", tampered))
			.withMessageContaining("篡改");
	}

	@Test
	void refusesAValueMovedToAnotherField() {
		KeyRing ring = ring("k1");
		String stored = ring.encrypt("id_number", ID);
		assertThatIllegalStateException().isThrownBy(() -> ring.decrypt("phone", stored));
	}

	@Test
	void aValueWrittenUnderAnOldKeyStillReadsAfterRotation() {
		KeyRing before = ring("k1");
		String old = before.encrypt("id_number", ID);
		String oldHash = before.hmac(ID);

		KeyRing after = ring("k2", "k1");
		assertThat(after.currentId()).isEqualTo("k2");
		assertThat(after.decrypt("id_number", old)).isEqualTo(ID);
		assertThat(after.isStale(old)).isTrue();
		String rewritten = after.encrypt("id_number", ID);
		assertThat(rewritten).startsWith("k2:");
		assertThat(after.isStale(rewritten)).isFalse();
		// rows not yet re-encrypted are still found by their old hash
		assertThat(after.hmacs(ID)).contains(oldHash).contains(after.hmac(ID));
		assertThat(after.hmac(ID)).isNotEqualTo(oldHash);

		KeyRing withoutOldKey = ring("k2");
		assertThatIllegalStateException().isThrownBy(() -> withoutOldKey.decrypt("id_number", old))
			.withMessageContaining("不在密钥环");
	}

	@Test
	void theHashIsKeyedAndStable() {
		KeyRing ring = ring("k1");
		assertThat(ring.hmac(ID)).isEqualTo(ring.hmac(ID)).hasSize(64).doesNotContain(ID);
		assertThat(ring("other").hmac(ID)).isNotEqualTo(ring.hmac(ID));
	}

	@Test
	void readsTheConfiguredFormAndRefusesShortKeys() {
		String text = "# comment\n" + KeyRing.generate("k2") + "\n" + KeyRing.generate("k1") + "\n";
		KeyRing ring = KeyRing.parse(text);
		assertThat(ring.ids()).containsExactly("k2", "k1");
		assertThat(ring.currentId()).isEqualTo("k2");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KeyRing.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageContaining("32 字节");
	}

}
