package cn.hxay.shared.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The key ring without Spring: AES-256-GCM round trip, tampering, rotation, HMAC search,
 * separate purposes, values written by the key person register's first key ring, and the
 * key file.
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

	private static FieldCipher cipher(String... ids) {
		return ring(ids).cipher("keyperson");
	}

	@Test
	void encryptsWithARandomNonceAndDecryptsBack() {
		FieldCipher ring = cipher("k1");
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
		FieldCipher ring = cipher("k1");
		String stored = ring.encrypt("id_number", ID);
		byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
		bytes[20] ^= 1;
		String tampered = "k1:" + Base64.getEncoder().encodeToString(bytes);
		assertThatIllegalStateException().isThrownBy(() -> ring.decrypt("id_number", tampered))
			.withMessageContaining("篡改");
	}

	@Test
	void refusesAValueMovedToAnotherField() {
		FieldCipher ring = cipher("k1");
		String stored = ring.encrypt("id_number", ID);
		assertThatIllegalStateException().isThrownBy(() -> ring.decrypt("phone", stored));
	}

	@Test
	void oneModulesCiphertextDoesNotDecryptUnderAnotherPurpose() {
		KeyRing ring = ring("k1");
		String stored = ring.cipher("keyperson").encrypt("secret", ID);
		assertThatIllegalStateException().isThrownBy(() -> ring.cipher("identity").decrypt("secret", stored))
			.withMessageContaining("篡改");
		assertThat(ring.cipher("identity").hmac(ID)).isNotEqualTo(ring.cipher("keyperson").hmac(ID));
		assertThatIllegalArgumentException().isThrownBy(() -> ring.cipher("../x"));
	}

	@Test
	void readsValuesWrittenByTheKeyPersonRegistersFirstKeyRing() {
		// written by cn.hxay.keyperson.KeyRing before it moved here, key bytes all 7
		Map<String, byte[]> material = new LinkedHashMap<>();
		material.put("k1", key(7));
		KeyRing ring = new KeyRing(material);
		FieldCipher keyPersons = ring.cipher("keyperson");
		assertThat(
				keyPersons.decrypt("id_number", "k1:RUb6H9d++Y5C+ndoGtjyXAegaglSlomxMDnlDPKYk+N1EDQfIdYTFzSKgI0Oiw=="))
			.isEqualTo(ID);
		assertThat(keyPersons.hmac(ID)).isEqualTo("e3e5a420a56a10147fe0df4b74ec1e3df480924ee7624b1a1646c2404f9e991c");
		assertThat(ring.purposeHmacs("visitor", ID))
			.containsExactly("82fe3f1f867f1214192ee889f459ff07f8798301f26bc5cb9ff9a91cfc6460e5");
	}

	@Test
	void aValueWrittenUnderAnOldKeyStillReadsAfterRotation() {
		FieldCipher before = cipher("k1");
		String old = before.encrypt("id_number", ID);
		String oldHash = before.hmac(ID);

		FieldCipher after = cipher("k2", "k1");
		assertThat(after.currentId()).isEqualTo("k2");
		assertThat(after.decrypt("id_number", old)).isEqualTo(ID);
		assertThat(after.isStale(old)).isTrue();
		String rewritten = after.encrypt("id_number", ID);
		assertThat(rewritten).startsWith("k2:");
		assertThat(after.isStale(rewritten)).isFalse();
		// rows not yet re-encrypted are still found by their old hash
		assertThat(after.hmacs(ID)).contains(oldHash).contains(after.hmac(ID));
		assertThat(after.hmac(ID)).isNotEqualTo(oldHash);

		FieldCipher withoutOldKey = cipher("k2");
		assertThatIllegalStateException().isThrownBy(() -> withoutOldKey.decrypt("id_number", old))
			.withMessageContaining("不在密钥环");

		KeyRing rotated = ring("k1").withCurrentKey(KeyRing.generate("k3"));
		assertThat(rotated.ids()).containsExactly("k3", "k1");
		assertThat(rotated.cipher("keyperson").decrypt("id_number", old)).isEqualTo(ID);
	}

	@Test
	void theHashIsKeyedAndStable() {
		FieldCipher ring = cipher("k1");
		assertThat(ring.hmac(ID)).isEqualTo(ring.hmac(ID)).hasSize(64).doesNotContain(ID);
		assertThat(cipher("other").hmac(ID)).isNotEqualTo(ring.hmac(ID));
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

	@Test
	void theKeyFileIsGeneratedOwnerOnlyOnceAndAnOlderKeyPersonFileIsKept(@TempDir Path directory) throws Exception {
		Path file = KeyRingConfiguration.defaultFile(directory);
		assertThat(file.getFileName()).hasToString("platform.keys");
		KeyRing first = KeyRingConfiguration.fromFile(file);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		String stored = first.cipher("identity").encrypt("f", "secret");
		assertThat(KeyRingConfiguration.fromFile(file).cipher("identity").decrypt("f", stored)).isEqualTo("secret");

		Path older = Files.createDirectory(directory.resolve("older"));
		String legacy = KeyRing.generate("k1");
		Files.writeString(older.resolve("keyperson.keys"), "# 重点人员\n" + legacy + "\n");
		Path chosen = KeyRingConfiguration.defaultFile(older);
		assertThat(chosen.getFileName()).hasToString("keyperson.keys");
		assertThat(KeyRingConfiguration.fromFile(chosen).cipher("keyperson").hmac(ID))
			.isEqualTo(KeyRing.parse(legacy).cipher("keyperson").hmac(ID));
		assertThat(older.resolve("platform.keys")).doesNotExist();
	}

}
