package cn.hxay.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's keys for data at rest, kept outside the database. Each key is 32 random
 * bytes with an id; the first key is current (writes), the others are only read, so keys
 * can rotate: add a new key in front, restart, and each module re-encrypts its values
 * under it.
 * <p>
 * A module never uses a key directly: it asks for the {@link FieldCipher} of its purpose
 * ({@code keyperson}, {@code identity} …), whose AES-GCM and HMAC keys are derived from
 * each key with HMAC-SHA256 of a label naming that purpose, so one module's ciphertexts
 * and hashes mean nothing under another's, and one key never serves two algorithms.
 */
public final class KeyRing {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String currentId;

	private final Map<String, byte[]> material;

	private final Map<String, FieldCipher> ciphers = new ConcurrentHashMap<>();

	/**
	 * @param material key id → 32 key bytes, the current key first
	 */
	public KeyRing(Map<String, byte[]> material) {
		if (material.isEmpty()) {
			throw new IllegalArgumentException("加密密钥未配置");
		}
		Map<String, byte[]> copy = new LinkedHashMap<>();
		material.forEach((id, bytes) -> {
			if (!id.matches("[A-Za-z0-9_-]{1,20}")) {
				throw new IllegalArgumentException("密钥编号只能由字母、数字、_ 和 - 组成（1–20 位）：" + id);
			}
			if (bytes.length != 32) {
				throw new IllegalArgumentException("密钥 " + id + " 须为 32 字节 (AES-256)，实际 " + bytes.length + " 字节");
			}
			copy.put(id, bytes.clone());
		});
		this.material = copy;
		this.currentId = material.keySet().iterator().next();
	}

	/**
	 * Reads {@code id:base64,id:base64,…} (commas, spaces or new lines between keys; text
	 * after {@code #} on a line is a comment), the current key first.
	 */
	public static KeyRing parse(String text) {
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
	public static String generate(String id) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return id + ":" + Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * This ring with one more key in front, as the key file reads after a rotation (the
	 * new key current, the older ones kept for reading).
	 * @param entry the new key in the form {@code id:base64}
	 */
	public KeyRing withCurrentKey(String entry) {
		KeyRing added = parse(entry);
		Map<String, byte[]> rotated = new LinkedHashMap<>(added.material);
		material.forEach(rotated::putIfAbsent);
		return new KeyRing(rotated);
	}

	public String currentId() {
		return currentId;
	}

	public List<String> ids() {
		return new ArrayList<>(material.keySet());
	}

	/**
	 * The cipher of one purpose (a module's name): AES-256-GCM and HMAC-SHA256 keys
	 * derived from every key of the ring with the labels {@code hxay/<purpose>/aes-gcm}
	 * and {@code hxay/<purpose>/hmac-sha256}.
	 */
	public FieldCipher cipher(String purpose) {
		if (!purpose.matches("[a-z][a-z0-9-]{0,30}")) {
			throw new IllegalArgumentException("用途名只能由小写字母、数字和 - 组成：" + purpose);
		}
		return ciphers.computeIfAbsent(purpose, p -> {
			Map<String, FieldCipher.Keys> keys = new LinkedHashMap<>();
			material.forEach((id, bytes) -> keys.put(id,
					new FieldCipher.Keys(new SecretKeySpec(derive(bytes, "hxay/" + p + "/aes-gcm"), "AES"),
							new SecretKeySpec(derive(bytes, "hxay/" + p + "/hmac-sha256"), "HmacSHA256"))));
			return new FieldCipher(currentId, keys);
		});
	}

	/**
	 * The HMAC of a value under every key in the ring (current key first) with a key
	 * derived for one purpose (e.g. {@code visitor}) below a common purpose root, so that
	 * another module's hashes can never be matched against a {@link FieldCipher}'s search
	 * column.
	 */
	public List<String> purposeHmacs(String purpose, String value) {
		return material.values().stream().map(bytes -> {
			byte[] root = derive(bytes, "hxay/purpose-root");
			return hmac(new SecretKeySpec(derive(root, "hxay/" + purpose + "/hmac-sha256"), "HmacSHA256"), value);
		}).toList();
	}

	static String hmac(SecretKeySpec key, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
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
