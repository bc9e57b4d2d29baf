package cn.hxay.keyperson;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that protect ID and phone numbers at rest, with the JDK's JCA only:
 * AES-256-GCM with a random 96-bit nonce per value, and HMAC-SHA256 for exact-match
 * search. Each key is 32 random bytes with an id; the first key is current (writes), the
 * others are only read, so keys can rotate: add a new key in front, restart, and the
 * re-encryption job rewrites every value under it.
 * <p>
 * Stored form of a value: {@code <key id>:<base64(nonce | ciphertext | tag)>}. The field
 * name is bound in as associated data, so an ID-number ciphertext copied into the phone
 * column does not decrypt. Encryption and HMAC keys are derived separately from each key
 * (HMAC-SHA256 of a fixed label), so one key never serves two algorithms.
 */
final class KeyRing {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String currentId;

	private final Map<String, Keys> keys;

	private record Keys(SecretKeySpec encryption, SecretKeySpec mac, byte[] purposeRoot) {
	}

	/**
	 * @param material key id → 32 key bytes, the current key first
	 */
	KeyRing(Map<String, byte[]> material) {
		if (material.isEmpty()) {
			throw new IllegalArgumentException("重点人员加密密钥未配置");
		}
		Map<String, Keys> derived = new LinkedHashMap<>();
		material.forEach((id, bytes) -> {
			if (!id.matches("[A-Za-z0-9_-]{1,20}")) {
				throw new IllegalArgumentException("密钥编号只能由字母、数字、_ 和 - 组成（1–20 位）：" + id);
			}
			if (bytes.length != 32) {
				throw new IllegalArgumentException("密钥 " + id + " 须为 32 字节 (AES-256)，实际 " + bytes.length + " 字节");
			}
			derived.put(id,
					new Keys(new SecretKeySpec(derive(bytes, "hxay/keyperson/aes-gcm"), "AES"),
							new SecretKeySpec(derive(bytes, "hxay/keyperson/hmac-sha256"), "HmacSHA256"),
							derive(bytes, "hxay/purpose-root")));
		});
		this.keys = derived;
		this.currentId = material.keySet().iterator().next();
	}

	/**
	 * Reads {@code id:base64,id:base64,…} (commas, spaces or new lines between keys; text
	 * after {@code #} on a line is a comment), the current key first.
	 */
	static KeyRing parse(String text) {
		Map<String, byte[]> material = new LinkedHashMap<>();
		String withoutComments = text.replaceAll("(?m)#.*$", "");
		for (String entry : withoutComments.split("[,\\s]+")) {
			if (entry.isBlank()) {
				continue;
			}
			int colon = entry.indexOf(':');
			if (colon <= 0) {
				throw new IllegalArgumentException("密钥格式应为 编号:Base64密钥");
			}
			material.put(entry.substring(0, colon), Base64.getDecoder().decode(entry.substring(colon + 1)));
		}
		return new KeyRing(material);
	}

	/** A new random 256-bit key in the text form {@link #parse} reads. */
	static String generate(String id) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return id + ":" + Base64.getEncoder().encodeToString(bytes);
	}

	String currentId() {
		return currentId;
	}

	List<String> ids() {
		return new ArrayList<>(keys.keySet());
	}

	/** Encrypts under the current key; {@code null} stays {@code null}. */
	String encrypt(String field, String plaintext) {
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
	String decrypt(String field, String stored) {
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
	boolean isStale(String stored) {
		return stored != null && !stored.startsWith(currentId + ":");
	}

	/** HMAC-SHA256 (hex) of a normalised value under the current key. */
	String hmac(String value) {
		return hmac(currentId, value);
	}

	/**
	 * The HMAC of a value under every key in the ring, for searching rows not yet
	 * re-encrypted.
	 */
	List<String> hmacs(String value) {
		return keys.keySet().stream().map(id -> hmac(id, value)).toList();
	}

	/**
	 * The HMAC of a value under every key in the ring (current key first) with a key
	 * derived for one purpose (e.g. {@code visitor}), so that another module's hashes can
	 * never be matched against the key-person search column.
	 */
	List<String> purposeHmacs(String purpose, String value) {
		return keys.values().stream().map(k -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(derive(k.purposeRoot(), "hxay/" + purpose + "/hmac-sha256"), "HmacSHA256"));
				return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private String hmac(String id, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(keys.get(id).mac());
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] derive(byte[] key, String label) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "KeyRing" + ids() + " current=" + currentId;
	}

}
