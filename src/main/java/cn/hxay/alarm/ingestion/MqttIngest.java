package cn.hxay.alarm.ingestion;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import cn.hxay.alarm.ingestion.IngestCounters.Reason;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The platform's MQTT subscriber (Paho, MQTT 3.1.1, QoS 1, persistent session).
 *
 * <p>
 * Topics: {@code hxay/v1/{schoolCode}/{deviceCode}/heartbeat} and
 * {@code hxay/v1/{schoolCode}/{deviceCode}/alarm}, payload as described on
 * {@link Ingest}. A bad message is counted and acknowledged, so it never blocks the ones
 * behind it; when the database cannot store an alarm the message is not acknowledged: the
 * client drops the connection, reconnects, and the broker delivers it again (stored once
 * thanks to its event id).
 *
 * <p>
 * Several nodes: with {@code hxay.mqtt.shared-group} set (e.g. {@code hxay}) each node
 * subscribes to {@code $share/hxay/<topic filter>}, the shared subscription of MQTT 5
 * (which Mosquitto 2, EMQX and VerneMQ also grant to MQTT 3.1.1 clients such as this
 * one), so that the broker hands each message to one node of the group. A node stopped in
 * order leaves the group first (unsubscribes, then finishes what it was given), so that
 * the broker stops queueing a share for it: its persistent session would otherwise keep
 * that share until it returns. A node that dies without a word (killed, its machine lost)
 * leaves its session at the broker, holding the messages it had not acknowledged and
 * collecting its turn of new ones: the other nodes notice through PostgreSQL and one of
 * them takes that session over ({@link NodeSessions}, {@link #takeOver}).
 *
 * <p>
 * A QoS 1 message is acknowledged when {@link #messageArrived} returns, i.e. after the
 * alarm's transaction committed; a node killed before that leaves it unacknowledged, and
 * the broker sends it again to whoever resumes the session. A heartbeat is acknowledged
 * once it is in the {@link HeartbeatBuffer} (written every
 * {@code hxay.device.flush-interval}): a kill loses at most that interval's heartbeats of
 * the node, which the device's next heartbeat makes good.
 */
@Component
class MqttIngest implements SmartLifecycle, MqttCallbackExtended {

	private static final Logger log = LoggerFactory.getLogger(MqttIngest.class);

	static final String TOPIC_PREFIX = "hxay/v1/";

	private final MqttBroker broker;

	private final Ingest ingest;

	private final boolean enabled;

	private final String clientId;

	private final String topicFilter;

	private final boolean shared;

	private final AtomicLong handled = new AtomicLong();

	private volatile MqttClient client;

	private final BrokerAccess access;

	private final NodeSessions sessions;

	private final Duration takeoverQuiet;

	MqttIngest(MqttBroker broker, BrokerAccess access, Ingest ingest, NodeSessions sessions,
			@Value("${hxay.mqtt.enabled:true}") boolean enabled, @Value("${hxay.mqtt.client-id:}") String clientId,
			@Value("${hxay.mqtt.topic-filter:hxay/v1/+/+/+}") String topicFilter,
			@Value("${hxay.mqtt.shared-group:}") String sharedGroup,
			@Value("${hxay.mqtt.takeover-quiet:500ms}") Duration takeoverQuiet) {
		this.takeoverQuiet = takeoverQuiet;
		this.broker = broker;
		this.access = access;
		this.ingest = ingest;
		this.sessions = sessions;
		this.enabled = enabled;
		this.clientId = clientId == null || clientId.isBlank() ? "hxay-platform-" + hostName() : clientId;
		this.topicFilter = subscription(topicFilter, sharedGroup);
		this.shared = this.topicFilter.startsWith("$share/");
	}

	/** The filter this node subscribes to: in the shared group when one is named. */
	static String subscription(String topicFilter, String sharedGroup) {
		if (sharedGroup == null || sharedGroup.isBlank() || topicFilter.startsWith("$share/")) {
			return topicFilter;
		}
		if (!sharedGroup.matches("[A-Za-z0-9_-]+")) {
			throw new IllegalArgumentException("hxay.mqtt.shared-group: letters, digits, _ and - only");
		}
		return "$share/" + sharedGroup + "/" + topicFilter;
	}

	/** The filter subscribed to. */
	String topicFilter() {
		return topicFilter;
	}

	/**
	 * Well-formed messages this node has taken from the broker and handed to ingestion
	 * (not those refused at the door, nor those left for redelivery).
	 */
	long handled() {
		return handled.get();
	}

	@Override
	public void start() {
		if (!enabled) {
			return;
		}
		if (shared) {
			// before connecting: a node taking over this id's session finishes first
			sessions.claim(clientId, topicFilter);
		}
		try {
			MqttClient created = new MqttClient(broker.url(), clientId, new MemoryPersistence());
			created.setCallback(this);
			MqttConnectOptions options = options(false);
			options.setAutomaticReconnect(true);
			client = created;
			created.connect(options);
			created.subscribe(topicFilter, 1);
			log.info("MQTT subscriber {} on {} ({})", clientId, broker.url(), topicFilter);
		}
		catch (MqttException ex) {
			// the platform still serves pages and HTTP ingestion; the client keeps
			// retrying
			log.error("MQTT subscriber could not connect to {}: {}", broker.url(), ex.getMessage());
		}
	}

	private MqttConnectOptions options(boolean cleanSession) {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setCleanSession(cleanSession);
		options.setKeepAliveInterval(30);
		options.setMaxInflight(1000);
		options.setConnectionTimeout(10);
		if (broker.embedded() || access.configured()) {
			options.setUserName(access.platformUser());
			options.setPassword(access.platformPassword().toCharArray());
		}
		return options;
	}

	@Override
	public void connectComplete(boolean reconnect, String serverUri) {
		if (reconnect) {
			// the persistent session keeps the subscription; renew it anyway in case the
			// broker lost its state, but never from this callback thread: a blocking call
			// here waits for its acknowledgement, which this same thread would have to
			// read,
			// while the redelivered messages queue up behind it
			MqttClient current = client;
			java.util.concurrent.CompletableFuture.runAsync(() -> {
				try {
					if (current != null && current.isConnected()) {
						current.subscribe(topicFilter, 1);
					}
				}
				catch (MqttException ex) {
					log.warn("MQTT resubscribe failed: {}", ex.getMessage());
				}
			});
		}
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) {
		handle(topic, message);
	}

	/**
	 * Hands a message to ingestion, counted in {@link #handled()}; throws (leaving it
	 * unacknowledged) only when the database could not store it.
	 */
	private void handle(String topic, MqttMessage message) {
		try {
			String[] parts = topic.split("/");
			if (parts.length != 5 || !topic.startsWith(TOPIC_PREFIX)) {
				ingest.reject(Ingest.MQTT, Reason.MALFORMED, null, "主题格式不对");
				return;
			}
			Ingest.Kind kind = switch (parts[4]) {
				case "heartbeat" -> Ingest.Kind.HEARTBEAT;
				case "alarm" -> Ingest.Kind.ALARM;
				case "register" -> Ingest.Kind.REGISTER;
				default -> null;
			};
			if (kind == null) {
				ingest.reject(Ingest.MQTT, Reason.MALFORMED, ingest.deviceIdOf(parts[3]), "主题格式不对");
				return;
			}
			ingest.receive(Ingest.MQTT, kind, parts[3], parts[2], null, message.getPayload());
			handled.incrementAndGet();
		}
		catch (DataAccessException | org.springframework.transaction.TransactionException ex) {
			log.warn("alarm not stored, leaving it unacknowledged for redelivery: {}", ex.getMessage());
			throw ex;
		}
		catch (RuntimeException ex) {
			log.warn("MQTT message refused: {}", ex.toString());
			ingest.reject(Ingest.MQTT, Reason.MALFORMED, null, "无法处理的消息 (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * Takes over the broker session of a node that died: resumes it under the dead node's
	 * client id, leaves the group for it (so the broker queues nothing more there),
	 * handles what the broker then sends (the messages the dead node had not
	 * acknowledged, then those queued for it) until nothing has come for
	 * {@code hxay.mqtt.takeover-quiet}, and ends the session with a clean connect. Alarms
	 * the dead node stored but had not acknowledged are found by their event id and
	 * stored once.
	 * @return the messages handled
	 * @throws MqttException when the session could not be drained (tried again later)
	 */
	int takeOver(String deadClientId, String deadTopicFilter) throws MqttException, InterruptedException {
		AtomicLong taken = new AtomicLong();
		AtomicLong last = new AtomicLong(System.nanoTime());
		AtomicBoolean busy = new AtomicBoolean();
		MqttClient taker = new MqttClient(broker.url(), deadClientId, new MemoryPersistence());
		try {
			taker.setCallback(new MqttCallback() {

				@Override
				public void messageArrived(String topic, MqttMessage message) {
					busy.set(true);
					try {
						handle(topic, message);
						taken.incrementAndGet();
					}
					finally {
						last.set(System.nanoTime());
						busy.set(false);
					}
				}

				@Override
				public void connectionLost(Throwable cause) {
				}

				@Override
				public void deliveryComplete(IMqttDeliveryToken token) {
				}

			});
			taker.connect(options(false));
			taker.unsubscribe(deadTopicFilter);
			long quietNanos = takeoverQuiet.toNanos();
			last.set(System.nanoTime());
			while (busy.get() || System.nanoTime() - last.get() < quietNanos) {
				if (!taker.isConnected()) {
					throw new MqttException(MqttException.REASON_CODE_CONNECTION_LOST);
				}
				Thread.sleep(20);
			}
			taker.disconnect(5000);
			// a clean connect ends the session at the broker
			taker.connect(options(true));
			taker.disconnect(1000);
			return (int) taken.get();
		}
		finally {
			taker.close(true);
		}
	}

	@Scheduled(fixedDelayString = "${hxay.mqtt.takeover-check:2s}",
			initialDelayString = "${hxay.mqtt.takeover-check:2s}")
	void takeOverDeadNodes() {
		if (shared && client != null) {
			sessions.sweep(this::takeOver);
		}
	}

	@Override
	public void connectionLost(Throwable cause) {
		log.warn("MQTT connection lost, reconnecting: {}", cause == null ? "?" : cause.getMessage());
	}

	@Override
	public void deliveryComplete(IMqttDeliveryToken token) {
	}

	@Override
	public void stop() {
		MqttClient current = client;
		client = null;
		if (current != null) {
			try {
				leaveGroup(current);
				if (current.isConnected()) {
					current.disconnect(1000);
				}
				current.close(true);
			}
			catch (MqttException ex) {
				log.debug("MQTT disconnect: {}", ex.getMessage());
			}
		}
		sessions.release();
	}

	private void leaveGroup(MqttClient current) {
		if (shared && current.isConnected()) {
			try {
				current.unsubscribe(topicFilter);
			}
			catch (MqttException ex) {
				log.warn("MQTT unsubscribe before stopping failed: {}", ex.getMessage());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return client != null;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 50;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "node";
		}
	}

}
