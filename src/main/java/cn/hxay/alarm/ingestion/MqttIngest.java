package cn.hxay.alarm.ingestion;

import java.net.InetAddress;
import java.net.UnknownHostException;

import cn.hxay.alarm.ingestion.IngestCounters.Reason;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
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
 * that share until it returns.
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

	private final java.util.concurrent.atomic.AtomicLong handled = new java.util.concurrent.atomic.AtomicLong();

	private volatile MqttClient client;

	private final BrokerAccess access;

	MqttIngest(MqttBroker broker, BrokerAccess access, Ingest ingest,
			@Value("${hxay.mqtt.enabled:true}") boolean enabled, @Value("${hxay.mqtt.client-id:}") String clientId,
			@Value("${hxay.mqtt.topic-filter:hxay/v1/+/+/+}") String topicFilter,
			@Value("${hxay.mqtt.shared-group:}") String sharedGroup) {
		this.broker = broker;
		this.access = access;
		this.ingest = ingest;
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
		try {
			MqttClient created = new MqttClient(broker.url(), clientId, new MemoryPersistence());
			created.setCallback(this);
			MqttConnectOptions options = new MqttConnectOptions();
			options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
			options.setCleanSession(false);
			options.setAutomaticReconnect(true);
			options.setKeepAliveInterval(30);
			options.setMaxInflight(1000);
			options.setConnectionTimeout(10);
			if (broker.embedded() || access.configured()) {
				options.setUserName(access.platformUser());
				options.setPassword(access.platformPassword().toCharArray());
			}
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
