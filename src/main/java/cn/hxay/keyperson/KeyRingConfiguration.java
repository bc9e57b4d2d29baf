package cn.hxay.keyperson;

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
 * Where the key ring comes from: {@code hxay.keyperson.keys} (environment
 * {@code HXAY_KEYPERSON_KEYS}, e.g. {@code k2:<base64>,k1:<base64>}, current key first)
 * or, when that is empty, the key file next to the embedded database (by default
 * {@code ./data/keyperson.keys}, owner-only permissions), which is generated with one
 * random key on first start. The keys never go into the database.
 */
@Configuration(proxyBeanMethods = false)
class KeyRingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KeyRingConfiguration.class);

	@Bean
	KeyRing keyPersonKeyRing(@Value("${hxay.keyperson.keys:}") String keys,
			@Value("${hxay.keyperson.key-file:${hxay.embedded-database.data-directory:./data/pg}/../keyperson.keys}") String file) {
		if (!keys.isBlank()) {
			KeyRing ring = KeyRing.parse(keys);
			log.info("重点人员加密密钥来自配置 (hxay.keyperson.keys): {}", ring);
			return ring;
		}
		Path path = Path.of(file).toAbsolutePath().normalize();
		try {
			if (!Files.exists(path)) {
				create(path);
			}
			KeyRing ring = KeyRing.parse(Files.readString(path, StandardCharsets.UTF_8));
			log.info("重点人员加密密钥来自文件 {}: {}", path, ring);
			return ring;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取或生成重点人员加密密钥文件 " + path, ex);
		}
	}

	private static void create(Path path) throws IOException {
		Files.createDirectories(path.getParent());
		String text = "# 重点人员身份证号/电话加密密钥 (AES-256-GCM)，第一行为当前密钥；轮换时在最前面加一行新密钥，旧密钥保留以便读取\n" + KeyRing.generate("k1")
				+ "\n";
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
			log.warn("已生成重点人员加密密钥文件 {}（权限 600）；生产环境请改用 HXAY_KEYPERSON_KEYS 并妥善备份", path);
		}
		catch (FileAlreadyExistsException ex) {
			// another node created it first: use theirs
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
