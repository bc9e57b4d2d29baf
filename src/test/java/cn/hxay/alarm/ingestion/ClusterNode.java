package cn.hxay.alarm.ingestion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.hxay.CampusSafetyApplication;
import cn.hxay.shared.ClusterLock;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A platform node in a process of its own, for {@link TwoNodeClusterTests} to kill: the
 * platform's application, plus, when {@code hxay.test.hold-lock} names cluster locks
 * (comma-separated), a transaction holding them all until the process dies, and a status
 * file ({@code hxay.test.status-file}) rewritten every 50 ms with the messages its MQTT
 * subscriber handled and whether it holds the locks. It halts when the test JVM goes (its
 * standard input closes).
 */
class ClusterNode {

	public static void main(String[] args) throws Exception {
		// the test JVM holds this process's standard input: when it ends, however it
		// ends, so does this node
		Thread orphaned = new Thread(() -> {
			try {
				while (System.in.read() != -1) {
					// nothing is sent
				}
			}
			catch (IOException ex) {
				// the pipe broke: the same
			}
			Runtime.getRuntime().halt(1);
		}, "parent-watch");
		orphaned.setDaemon(true);
		orphaned.start();
		ConfigurableApplicationContext context = SpringApplication.run(CampusSafetyApplication.class, args);
		Path status = Path.of(context.getEnvironment().getRequiredProperty("hxay.test.status-file"));
		String hold = context.getEnvironment().getProperty("hxay.test.hold-lock");
		AtomicBoolean held = new AtomicBoolean(hold == null);
		if (hold != null) {
			Thread holder = new Thread(() -> context.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
				for (String name : hold.split(",")) {
					context.getBean(ClusterLock.class).await(name.strip());
				}
				held.set(true);
				try {
					Thread.sleep(Long.MAX_VALUE);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}), "hold-" + hold);
			holder.setDaemon(true);
			holder.start();
		}
		MqttIngest ingest = context.getBean(MqttIngest.class);
		Path written = status.resolveSibling(status.getFileName() + ".tmp");
		while (true) {
			Files.writeString(written, "handled=" + ingest.handled() + "\nlock=" + held.get() + "\n",
					StandardCharsets.UTF_8);
			Files.move(written, status, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			Thread.sleep(50);
		}
	}

}
