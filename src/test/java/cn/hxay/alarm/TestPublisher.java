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
final class TestPublisher implements AutoCloseable {

	private final MqttClient client;

	TestPublisher(String url) throws MqttException {
		client = new MqttClient(url, "device-" + UUID.randomUUID(), new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setMaxInflight(1000);
		client.connect(options);
	}

	void publish(String topic, String payload) throws MqttException {
		MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		client.publish(topic, message);
	}

	@Override
	public void close() throws MqttException {
		if (client.isConnected()) {
			client.disconnect(1000);
		}
		client.close();
	}

}
