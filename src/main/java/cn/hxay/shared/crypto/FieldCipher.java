package cn.hxay.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One purpose's encryption of values at rest, from {@link KeyRing#cipher}: AES-256-GCM
 * with a random 96-bit nonce per value (the JDK's JCA, nothing hand-made), and
 * HMAC-SHA256 for exact-match search.
 * <p>
 * Stored form of a value: {@code <key id>:<base64(nonce | ciphertext | tag)>}. The field
 * name is bound in as associated data, so a ciphertext copied into another column (or,
 * with the row's id in the field name, another row) does not decrypt.
 */
public final class FieldCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String currentId;

	private final Map<String, Keys> keys;

	private final List<String> order;

	record Keys(SecretKeySpec encryption, SecretKeySpec mac) {
	}

	FieldCipher(String currentId, Map<String, Keys> keys) {
		this.currentId = currentId;
		this.keys = Map.copyOf(keys);
		this.order = List.copyOf(keys.keySet());
	}

	public String currentId() {
		return currentId;
	}

	/** Encrypts under the current key; {@code null} stays {@code null}. */
	public String encrypt(String field, String plaintext) {
		if (plaintext == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId).encryption(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return currentId + ":" + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("加密失败", ex);
		}
	}

	/**
	 * Decrypts a stored value with the key it names; refuses a value whose key is gone or
	 * whose bytes were changed.
	 */
	public String decrypt(String field, String stored) {
		if (stored == null) {
			return null;
		}
		int colon = stored.indexOf(':');
		Keys key = colon <= 0 ? null : keys.get(stored.substring(0, colon));
		if (key == null) {
			throw new IllegalStateException("密文所用的密钥不在密钥环中，无法解密");
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
			if (all.length < NONCE_BYTES + TAG_BITS / 8) {
				throw new IllegalStateException("密文长度不正确");
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key.encryption(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new IllegalStateException("密文校验失败（已被篡改或密钥不符），拒绝解密", ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("密文无法解密", ex);
		}
	}

	/** Whether a stored value was written under an older key. */
	public boolean isStale(String stored) {
		return stored != null && !stored.startsWith(currentId + ":");
	}

	/** HMAC-SHA256 (hex) of a normalised value under the current key. */
	public String hmac(String value) {
		return KeyRing.hmac(keys.get(currentId).mac(), value);
	}

	/**
	 * The HMAC of a value under every key in the ring (current key first), for searching
	 * rows not yet re-encrypted.
	 */
	public List<String> hmacs(String value) {
		return order.stream().map(id -> KeyRing.hmac(keys.get(id).mac(), value)).toList();
	}

	@Override
	public String toString() {
		return "FieldCipher" + order + " current=" + currentId;
	}

}
