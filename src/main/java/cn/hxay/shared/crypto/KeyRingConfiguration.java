package cn.hxay.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the key ring comes from, never the database: {@code hxay.crypto.keys}
 * (environment {@code HXAY_CRYPTO_KEYS}, e.g. {@code k2:<base64>,k1:<base64>}, current
 * key first) or, when that is empty, a key file ({@code hxay.crypto.key-file}; by default
 * {@code platform.keys} next to the embedded database's directory, i.e.
 * {@code ./data/platform.keys}, owner-only permissions), generated with one random key on
 * first start.
 * <p>
 * The names from when only key persons were encrypted still work:
 * {@code hxay.keyperson.keys} ({@code HXAY_KEYPERSON_KEYS}),
 * {@code hxay.keyperson.key-file}, and an existing {@code keyperson.keys} in the default
 * place is read as it is (same format, same keys), so stored values stay readable.
 */
@Configuration(proxyBeanMethods = false)
class KeyRingConfiguration {

	static final String FILE = "platform.keys";

	static final String LEGACY_FILE = "keyperson.keys";

	private static final Logger log = LoggerFactory.getLogger(KeyRingConfiguration.class);

	@Bean
	KeyRing keyRing(@Value("${hxay.crypto.keys:${hxay.keyperson.keys:}}") String keys,
			@Value("${hxay.crypto.key-file:${hxay.keyperson.key-file:}}") String file,
			@Value("${hxay.embedded-database.data-directory:./data/pg}") String dataDirectory) {
		if (!keys.isBlank()) {
			KeyRing ring = KeyRing.parse(keys);
			log.info("加密密钥来自配置 (hxay.crypto.keys): {}", ring);
			return ring;
		}
		return fromFile(file.isBlank() ? defaultFile(Path.of(dataDirectory).toAbsolutePath().normalize().getParent())
				: Path.of(file));
	}

	/**
	 * {@code platform.keys} in the directory, unless only the older
	 * {@code keyperson.keys} is there.
	 */
	static Path defaultFile(Path directory) {
		Path file = directory.resolve(FILE);
		Path legacy = directory.resolve(LEGACY_FILE);
		if (!Files.exists(file) && Files.exists(legacy)) {
			log.info("沿用原重点人员密钥文件 {}（可改名为 {}）", legacy, FILE);
			return legacy;
		}
		return file;
	}

	/** Reads the key file, creating it with one random key if there is none. */
	static KeyRing fromFile(Path file) {
		Path path = file.toAbsolutePath().normalize();
		try {
			if (!Files.exists(path)) {
				create(path);
			}
			KeyRing ring = KeyRing.parse(Files.readString(path, StandardCharsets.UTF_8));
			log.info("加密密钥来自文件 {}: {}", path, ring);
			return ring;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取或生成加密密钥文件 " + path, ex);
		}
	}

	private static void create(Path path) throws IOException {
		Files.createDirectories(path.getParent());
		String text = "# 平台加密密钥 (AES-256-GCM：重点人员号码、待下载的一次性密码等)，第一行为当前密钥；轮换时在最前面加一行新密钥，旧密钥保留以便读取\n"
				+ KeyRing.generate("k1") + "\n";
		Path temporary = path.resolveSibling(path.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.deleteIfExists(temporary);
			Files.createFile(temporary,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Files.writeString(temporary, text, StandardCharsets.UTF_8);
		try {
			// atomic: of several nodes or test contexts starting at once, one key file
			// wins
			Files.createLink(path, temporary);
			log.warn("已生成加密密钥文件 {}（权限 600）；生产环境请改用 HXAY_CRYPTO_KEYS 并妥善备份", path);
		}
		catch (FileAlreadyExistsException ex) {
			// another node created it first: use theirs
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
