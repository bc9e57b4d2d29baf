package cn.hxay.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a hard kill of the JVM the embedded PostgreSQL server keeps running and holds
 * {@code postmaster.pid}, so the next start would fail. If that pid is a live postgres
 * serving our data directory, stop it first.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private OrphanedPostmaster() {
	}

	static void stopIfRunning(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isReadable(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty() || !servesDataDirectory(pid, dataDirectory)) {
			return;
		}
		log.warn("发现上次未正常退出的 PostgreSQL 进程 (pid {}), 正在停止", pid);
		process.get().destroy();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (process.get().isAlive() && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (process.get().isAlive()) {
			process.get().destroyForcibly();
		}
	}

	private static boolean servesDataDirectory(long pid, Path dataDirectory) {
		try {
			String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
			return commandLine.contains("postgres") && commandLine.contains(dataDirectory.toString());
		}
		catch (IOException ex) {
			return false;
		}
	}

}
