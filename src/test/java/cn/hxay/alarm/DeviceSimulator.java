package cn.hxay.alarm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Plays N devices over MQTT against any broker: each sends a heartbeat every interval and
 * now and then an alarm. Devices are read from the platform's API (the demo devices,
 * whose token is {@code demo-<code>}), or made up with {@code --fake} (unknown to the
 * platform, so its brokers refuse them: for trying a bare broker only).
 * <p>
 * Each device has its own MQTT session, signed in as the device (user name = its code,
 * password = its token), because the platform's brokers refuse anonymous clients and let
 * a device publish only under its own code. A session is a TCP connection and three Paho
 * threads, so one simulator plays up to about 5,000 devices (raise {@code ulimit -n} past
 * 1,024 for more than about 1,000); run several simulators, each with its own
 * {@code --region}, for more. Devices the broker refuses are counted and left out.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.hxay.alarm.DeviceSimulator \
 *   --broker tcp://127.0.0.1:1883 --platform http://localhost:8080 --user city.police --password Demo@2026 \
 *   --devices 2000 --interval 60 --offline 10 --alarm-every 120 --duration 600
 * </pre>
 *
 * {@code --offline P} keeps P percent of the devices silent, so the networking rate
 * drops; {@code --region 320402} limits the devices to one county; {@code --register S}
 * registers every device first with an expiry of S seconds (GB/T 28181 REGISTER).
 */
public final class DeviceSimulator {

	record SimDevice(String code, String schoolCode, String token) {
	}

	private DeviceSimulator() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		String broker = options.getOrDefault("broker", "tcp://127.0.0.1:1883");
		int count = Integer.parseInt(options.getOrDefault("devices", "1000"));
		int interval = Integer.parseInt(options.getOrDefault("interval", "60"));
		int offline = Integer.parseInt(options.getOrDefault("offline", "0"));
		int alarmEvery = Integer.parseInt(options.getOrDefault("alarm-every", "0"));
		int duration = Integer.parseInt(options.getOrDefault("duration", "0"));
		List<SimDevice> devices = options.containsKey("fake") ? fake(count)
				: fromPlatform(options.getOrDefault("platform", "http://localhost:8080"),
						options.getOrDefault("user", "city.police"), options.getOrDefault("password", "Demo@2026"),
						options.get("region"), count);
		int silent = devices.size() * offline / 100;
		List<SimDevice> active = devices.subList(silent, devices.size());
		System.out.printf("simulating %d devices (%d silent) against %s, heartbeat every %d s%n", devices.size(),
				silent, broker, interval);
		Map<SimDevice, MqttAsyncClient> sessions = connectAll(broker, active);
		System.out.printf("%d devices signed in, %d refused by the broker%n", sessions.size(),
				active.size() - sessions.size());
		active = new ArrayList<>(sessions.keySet());
		// GB/T 28181: devices register first (--register SECONDS, the registration's
		// Expires)
		int register = Integer.parseInt(options.getOrDefault("register", "0"));
		if (register > 0) {
			for (SimDevice d : active) {
				publish(sessions.get(d), "hxay/v1/" + d.schoolCode() + "/" + d.code() + "/register",
						"{\"token\":\"" + d.token() + "\",\"expires\":" + register + "}");
			}
			System.out.printf("registered %d devices for %d s%n", active.size(), register);
		}
		Random random = new Random();
		long end = duration == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + duration * 1000L;
		long sent = 0;
		long alarms = 0;
		while (System.currentTimeMillis() < end) {
			long roundStart = System.currentTimeMillis();
			// spread the round's heartbeats over the interval, as real devices do
			long gap = Math.max(0, interval * 1_000_000_000L / Math.max(1, active.size()));
			long next = System.nanoTime();
			for (SimDevice d : active) {
				publish(sessions.get(d), "hxay/v1/" + d.schoolCode() + "/" + d.code() + "/heartbeat",
						"{\"token\":\"" + d.token() + "\",\"time\":\"" + OffsetDateTime.now() + "\"}");
				sent++;
				if (alarmEvery > 0 && random
					.nextInt(Math.max(1, alarmEvery / Math.max(1, interval)) * Math.max(1, active.size())) == 0) {
					String code = new String[] { "one_key", "intrusion", "fault", "test" }[random.nextInt(4)];
					publish(sessions.get(d), "hxay/v1/" + d.schoolCode() + "/" + d.code() + "/alarm",
							"{\"eventId\":\"sim-" + UUID.randomUUID() + "\",\"token\":\"" + d.token() + "\",\"code\":\""
									+ code + "\",\"time\":\"" + OffsetDateTime.now() + "\"}");
					alarms++;
				}
				next += gap;
				long wait = next - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
			}
			System.out.printf("round done in %d ms: %d heartbeats, %d alarms so far%n",
					System.currentTimeMillis() - roundStart, sent, alarms);
		}
		for (MqttAsyncClient client : sessions.values()) {
			client.disconnect().waitForCompletion();
			client.close();
		}
	}

	/**
	 * Signs every device in to the broker, each in its own session (user name = its code,
	 * password = its token), all connecting at once; the devices the broker refuses are
	 * left out.
	 */
	static Map<SimDevice, MqttAsyncClient> connectAll(String broker, List<SimDevice> devices) throws MqttException {
		Map<SimDevice, MqttAsyncClient> clients = new LinkedHashMap<>();
		Map<SimDevice, IMqttToken> connecting = new LinkedHashMap<>();
		for (SimDevice d : devices) {
			MqttAsyncClient client = new MqttAsyncClient(broker, "sim-" + d.code(), new MemoryPersistence());
			clients.put(d, client);
			connecting.put(d, client.connect(options(d.code(), d.token())));
		}
		for (Map.Entry<SimDevice, IMqttToken> e : connecting.entrySet()) {
			try {
				e.getValue().waitForCompletion(30_000);
			}
			catch (MqttException refused) {
				MqttAsyncClient client = clients.remove(e.getKey());
				client.close(true);
			}
		}
		return clients;
	}

	/** A device's session options: MQTT 3.1.1, signed in with its code and token. */
	public static MqttConnectOptions options(String code, String token) {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setUserName(code);
		options.setPassword(token.toCharArray());
		options.setMaxInflight(1_000);
		options.setAutomaticReconnect(true);
		return options;
	}

	public static void publish(MqttAsyncClient client, String topic, String payload) throws MqttException {
		MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		while (true) {
			try {
				client.publish(topic, message);
				return;
			}
			catch (MqttException ex) {
				if (ex.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
					throw ex;
				}
				IMqttDeliveryToken[] pending = client.getPendingDeliveryTokens();
				try {
					if (pending.length > 0) {
						pending[0].waitForCompletion(1000);
					}
				}
				catch (MqttException timeout) {
					// the broker is slow to acknowledge: keep waiting
				}
			}
		}
	}

	static List<SimDevice> fake(int count) {
		List<SimDevice> devices = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String code = "3204020099134" + "0" + String.format("%06d", i);
			devices.add(new SimDevice(code, "9999999999", "fake"));
		}
		return devices;
	}

	static List<SimDevice> fromPlatform(String platform, String user, String password, String region, int max)
			throws Exception {
		List<SimDevice> devices = new ArrayList<>();
		Pattern item = Pattern.compile("\"code\":\"(\\d{20})\".*?\"schoolCode\":\"(\\d+)\"");
		String auth = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpClient http = HttpClient.newHttpClient();
		{
			for (int page = 0; devices.size() < max; page++) {
				String url = platform + "/api/v1/devices?size=200&page=" + page
						+ (region == null ? "" : "&region=" + region);
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
					.header("Authorization", auth)
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
				Matcher m = item.matcher(response.body());
				int before = devices.size();
				while (m.find() && devices.size() < max) {
					devices.add(new SimDevice(m.group(1), m.group(2), Devices.demoToken(m.group(1))));
				}
				if (devices.size() == before) {
					break;
				}
			}
		}
		return devices;
	}

}
