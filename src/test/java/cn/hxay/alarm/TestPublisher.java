package cn.hxay.alarm;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device (or gateway) publishing over MQTT 3.1.1 with QoS 1, as tests and the simulator
 * use it.
 */
public final class TestPublisher implements AutoCloseable {

	private final MqttClient client;

	/** An anonymous client (refused by the platform's brokers). */
	public TestPublisher(String url) throws MqttException {
		this(url, null, null);
	}

	/** A device signed in to the broker with its code and token. */
	public TestPublisher(String url, TestDevices.Registered device) throws MqttException {
		this(url, device.code(), device.token());
	}

	public TestPublisher(String url, String username, String password) throws MqttException {
		client = new MqttClient(url, "device-" + UUID.randomUUID(), new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setMaxInflight(1000);
		if (username != null) {
			options.setUserName(username);
			options.setPassword(password.toCharArray());
		}
		client.connect(options);
	}

	/**
	 * Publishes with QoS 1 but waits at most 3 s for the acknowledgement: a broker may
	 * never acknowledge a publish it refuses (moquette does not).
	 */
	public void publishRefusable(String topic, String payload) throws MqttException {
		MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		try {
			client.getTopic(topic).publish(message).waitForCompletion(3000);
		}
		catch (MqttException ex) {
			// not acknowledged, or the broker dropped the connection: refused either way
		}
	}

	public MqttClient client() {
		return client;
	}

	public void publish(String topic, String payload) throws MqttException {
		MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		client.publish(topic, message);
	}

	@Override
	public void close() throws MqttException {
		if (client.isConnected()) {
			client.disconnect(1000);
		}
		client.close(true);
	}

}
