package cn.hxay.alarm.ingestion;

import cn.hxay.alarm.DeviceTokens;
import cn.hxay.alarm.Devices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may do what on the MQTT broker, one rule for every broker: the embedded moquette
 * asks it directly, EMQX or Mosquitto (mosquitto-go-auth) can ask it over HTTP
 * ({@link BrokerAuthController}), and the generated Mosquitto password and ACL files
 * ({@link MosquittoFiles}) write it down.
 *
 * <ul>
 * <li>A device signs in with user name = its 20-digit code and password = its token
 * (checked against the stored hash); it may publish only under its own topic
 * ({@code hxay/v1/<school>/<its code>/heartbeat|alarm|register}) and subscribe to
 * nothing.</li>
 * <li>The platform's subscriber signs in with its own credential
 * ({@code hxay.mqtt.username}/{@code hxay.mqtt.password}; with the embedded broker and no
 * password configured a random one is generated at start) and may subscribe to
 * {@code hxay/v1/…} only, also as an EMQX shared subscription.</li>
 * <li>Anyone else, and anonymous clients, are refused.</li>
 * </ul>
 */
@Component
class BrokerAccess {

	private static final Pattern DEVICE = Pattern.compile("\\d{20}");

	private static final Pattern OWN_TOPIC = Pattern
		.compile("hxay/v1/[^/+#]{1,40}/(\\d{20})/(heartbeat|alarm|register)");

	private static final Pattern PLATFORM_FILTER = Pattern
		.compile("(\\$share/[^/+#]+/)?hxay/v1/[^#]*|(\\$share/[^/+#]+/)?hxay/v1/#");

	private final Devices devices;

	private final String username;

	private final String password;

	private final boolean configured;

	BrokerAccess(Devices devices, @Value("${hxay.mqtt.username:hxay-platform}") String username,
			@Value("${hxay.mqtt.password:}") String password) {
		this.devices = devices;
		this.username = username;
		this.configured = password != null && !password.isEmpty();
		this.password = configured ? password : generated();
	}

	/**
	 * Whether the platform's password was configured (else it was generated at start).
	 */
	boolean configured() {
		return configured;
	}

	/** The platform subscriber's user name. */
	String platformUser() {
		return username;
	}

	/** The platform subscriber's password (configured, or generated at start). */
	String platformPassword() {
		return password;
	}

	/** Whether this user name and password may connect. */
	boolean authenticate(String user, String secret) {
		if (user == null || secret == null || secret.isEmpty() || secret.length() > 200) {
			return false;
		}
		if (user.equals(username)) {
			return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
					password.getBytes(StandardCharsets.UTF_8));
		}
		if (!DEVICE.matcher(user).matches()) {
			return false;
		}
		return devices.credentials(user).map(c -> DeviceTokens.matches(secret, c.tokenHash())).orElse(false);
	}

	/** Whether the user may publish on the topic: a device only under its own code. */
	boolean mayPublish(String user, String topic) {
		if (user == null || topic == null) {
			return false;
		}
		var m = OWN_TOPIC.matcher(topic);
		return m.matches() && m.group(1).equals(user);
	}

	/**
	 * Whether the user may subscribe to the filter: only the platform, only to hxay/v1.
	 */
	boolean maySubscribe(String user, String filter) {
		return user != null && user.equals(username) && filter != null && PLATFORM_FILTER.matcher(filter).matches();
	}

	private static String generated() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
