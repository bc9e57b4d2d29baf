package cn.hxay.alarm.ingestion;

import cn.hxay.alarm.DeviceTokens;
import cn.hxay.alarm.Devices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@link BrokerAccess} written down for a Debian Mosquitto without plugins: a
 * {@code password_file} with one line per device (its code and its token hashed the way
 * Mosquitto checks it, PBKDF2-SHA512 {@code $7$}) plus the platform's own user, and an
 * {@code acl_file} that lets the platform read {@code hxay/v1/#} and each device write
 * only {@code hxay/v1/+/<its code>/…}. Active when
 * {@code hxay.mqtt.mosquitto.password-file} is set: written at start and again within
 * seconds of any token being issued or reset (on whichever node notices), then
 * {@code hxay.mqtt.mosquitto.reload-command} (e.g. {@code systemctl reload mosquitto},
 * which sends SIGHUP) makes Mosquitto read them again.
 */
@Component
class MosquittoFiles {

	private static final Logger log = LoggerFactory.getLogger(MosquittoFiles.class);

	private final BrokerAccess access;

	private final Devices devices;

	private final JdbcClient jdbc;

	private final Path passwordFile;

	private final Path aclFile;

	private final String reloadCommand;

	private volatile String written;

	MosquittoFiles(BrokerAccess access, Devices devices, JdbcClient jdbc,
			@Value("${hxay.mqtt.mosquitto.password-file:}") String passwordFile,
			@Value("${hxay.mqtt.mosquitto.acl-file:}") String aclFile,
			@Value("${hxay.mqtt.mosquitto.reload-command:}") String reloadCommand) {
		this.access = access;
		this.devices = devices;
		this.jdbc = jdbc;
		this.passwordFile = passwordFile.isBlank() ? null : Path.of(passwordFile);
		this.aclFile = aclFile.isBlank() ? null : Path.of(aclFile);
		this.reloadCommand = reloadCommand.isBlank() ? null : reloadCommand;
	}

	/** The ACL for Mosquitto's {@code acl_file}. */
	String acl() {
		return """
				# written by the platform (MosquittoFiles): anonymous clients get nothing
				user %s
				topic read hxay/v1/#

				# every device may publish only under its own code (the user name), read nothing
				pattern write hxay/v1/+/%%u/heartbeat
				pattern write hxay/v1/+/%%u/alarm
				pattern write hxay/v1/+/%%u/register
				""".formatted(access.platformUser());
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		refresh();
	}

	/** Rewrites the files when a token was issued or reset since the last time. */
	@Scheduled(fixedDelayString = "${hxay.mqtt.mosquitto.refresh:2s}", initialDelayString = "2s")
	void refresh() {
		if (passwordFile == null) {
			return;
		}
		String stamp = jdbc
			.sql("select count(*) || '/' || coalesce(max(updated_at)::text, '') from device"
					+ " where broker_password_hash is not null")
			.query(String.class)
			.single();
		if (Objects.equals(stamp, written)) {
			return;
		}
		try {
			write();
			written = stamp;
		}
		catch (IOException | RuntimeException ex) {
			log.error("Mosquitto password file not written: {}", ex.toString());
		}
	}

	private void write() throws IOException {
		StringBuilder lines = new StringBuilder();
		lines.append(access.platformUser())
			.append(':')
			.append(DeviceTokens.brokerHash(access.platformPassword()))
			.append('\n');
		devices.forEachBrokerLogin((code, hash) -> lines.append(code).append(':').append(hash).append('\n'));
		replace(passwordFile, lines.toString());
		if (aclFile != null) {
			replace(aclFile, acl());
		}
		if (reloadCommand != null) {
			try {
				Process reload = new ProcessBuilder(List.of("sh", "-c", reloadCommand)).redirectErrorStream(true)
					.start();
				if (!reload.waitFor(10, TimeUnit.SECONDS) || reload.exitValue() != 0) {
					log.warn("Mosquitto reload command failed: {}", reloadCommand);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		log.info("Mosquitto password file {} written", passwordFile);
	}

	private static void replace(Path file, String content) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temporary = Files.createTempFile(parent, ".hxay-", ".tmp");
		Files.writeString(temporary, content, StandardCharsets.UTF_8);
		try {
			// readable by a broker running as another user of the platform's group
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r-----"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: keep the default
		}
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
