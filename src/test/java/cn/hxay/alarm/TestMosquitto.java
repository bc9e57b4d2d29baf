package cn.hxay.alarm;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A Debian Mosquitto started for a test on a free loopback port, with the given lines of
 * configuration after its listener, its log beside its configuration file. The system
 * property {@code hxay.test.mosquitto} names another binary.
 */
public final class TestMosquitto implements AutoCloseable {

	public static final File BINARY = new File(System.getProperty("hxay.test.mosquitto", "/usr/sbin/mosquitto"));

	private final Process process;

	private final int port;

	private TestMosquitto(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static boolean installed() {
		return BINARY.canExecute();
	}

	/** Starts Mosquitto with its files in {@code dir} and waits until it listens. */
	public static TestMosquitto start(Path dir, String configuration) throws IOException {
		Files.createDirectories(dir);
		int port = freePort();
		Path conf = dir.resolve("mosquitto-" + port + ".conf");
		Files.writeString(conf, "listener " + port + " 127.0.0.1\n" + configuration
				+ ("root".equals(System.getProperty("user.name")) ? "\nuser root\n" : "\n"));
		Process process = new ProcessBuilder(BINARY.getPath(), "-c", conf.toString()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("mosquitto-" + port + ".log").toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		await("mosquitto listening on " + port).atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> accepts(port));
		return new TestMosquitto(process, port);
	}

	public int port() {
		return port;
	}

	public String url() {
		return "tcp://127.0.0.1:" + port;
	}

	@Override
	public void close() {
		process.destroy();
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Whether something accepts connections on this loopback port. */
	public static boolean accepts(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
