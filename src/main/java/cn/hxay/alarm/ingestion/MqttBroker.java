package cn.hxay.alarm.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Where the platform's MQTT client connects: the external broker named by
 * {@code hxay.mqtt.url} (production: Mosquitto or EMQX), or else an embedded moquette
 * broker (MQTT 3.1.1) so that the one-command run works. Port 0 picks a free port
 * (tests). The embedded broker listens on 127.0.0.1 unless
 * {@code hxay.mqtt.embedded.host} says otherwise, refuses anonymous clients and applies
 * {@link BrokerAccess}: devices sign in with their code and token and publish only under
 * their own topic, only the platform subscribes.
 */
@Component
class MqttBroker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MqttBroker.class);

	private final String externalUrl;

	private final String host;

	private final int port;

	private final Path dataPath;

	private Server server;

	private volatile String url;

	private final BrokerAccess access;

	MqttBroker(BrokerAccess access, @Value("${hxay.mqtt.url:}") String externalUrl,
			@Value("${hxay.mqtt.embedded.host:127.0.0.1}") String host,
			@Value("${hxay.mqtt.embedded.port:1883}") int port,
			@Value("${hxay.mqtt.embedded.data-path:./data/mqtt}") Path dataPath) {
		this.access = access;
		this.externalUrl = externalUrl == null || externalUrl.isBlank() ? null : externalUrl.strip();
		this.host = host;
		this.port = port;
		this.dataPath = dataPath;
	}

	/** The broker's address for clients, e.g. {@code tcp://127.0.0.1:1883}. */
	String url() {
		return url;
	}

	boolean embedded() {
		return externalUrl == null;
	}

	@Override
	public void start() {
		if (externalUrl != null) {
			url = externalUrl;
			return;
		}
		try {
			int chosen = port == 0 ? freePort() : port;
			Files.createDirectories(dataPath);
			Properties p = new Properties();
			p.setProperty("host", host);
			p.setProperty("port", Integer.toString(chosen));
			p.setProperty("websocket_port", "disabled");
			p.setProperty("allow_anonymous", "false");
			p.setProperty("allow_zero_byte_client_id", "true");
			p.setProperty("persistence_enabled", "false");
			p.setProperty("data_path", dataPath.toAbsolutePath().toString());
			p.setProperty("telemetry_enabled", "false");
			p.setProperty("netty.mqtt.message_size", "65536");
			p.setProperty("session_queue_size", "65536");
			Server broker = new Server();
			broker.startServer(new MemoryConfig(p), List.of(), null,
					(clientId, username, password) -> password != null
							&& access.authenticate(username, new String(password, StandardCharsets.UTF_8)),
					new IAuthorizatorPolicy() {

						@Override
						public boolean canWrite(Topic topic, String user, String client) {
							return access.mayPublish(user, topic.toString());
						}

						@Override
						public boolean canRead(Topic topic, String user, String client) {
							return access.maySubscribe(user, topic.toString());
						}

					});
			server = broker;
			String clientHost = "0.0.0.0".equals(host) ? InetAddress.getLoopbackAddress().getHostAddress() : host;
			url = "tcp://" + clientHost + ":" + chosen;
			log.info("embedded MQTT broker (moquette, MQTT 3.1.1) listening on {}:{}", host, chosen);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("embedded MQTT broker did not start", ex);
		}
	}

	@Override
	public void stop() {
		if (server != null) {
			server.stopServer();
			server = null;
		}
		url = null;
	}

	@Override
	public boolean isRunning() {
		return url != null;
	}

	/** Starts before the MQTT client, stops after it. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 200;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

}
