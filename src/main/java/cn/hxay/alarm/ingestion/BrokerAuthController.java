package cn.hxay.alarm.ingestion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link BrokerAccess} over HTTP for an external broker that asks a web service: EMQX's
 * HTTP authentication and authorisation, or Mosquitto with mosquitto-go-auth's HTTP back
 * end. The broker proves itself with the shared secret {@code hxay.mqtt.auth-secret} in
 * the {@code X-Broker-Secret} header; without a configured secret these URLs do not exist
 * (404), so they never serve as a password oracle. Answers 200 {@code {"result":"allow"}}
 * or 403 {@code {"result":"deny"}}.
 */
@RestController
@RequestMapping("/api/v1/mqtt")
@Tag(name = "MQTT 代理认证", description = "供 EMQX / mosquitto-go-auth 调用：设备与平台订阅端的登录和主题权限")
class BrokerAuthController {

	static final String SECRET_HEADER = "X-Broker-Secret";

	private final BrokerAccess access;

	private final byte[] secret;

	BrokerAuthController(BrokerAccess access, @Value("${hxay.mqtt.auth-secret:}") String secret) {
		this.access = access;
		this.secret = secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
	}

	/** EMQX: {"username":"${username}","password":"${password}"}. */
	record Login(String username, String password, String clientid) {
	}

	/**
	 * EMQX: {"username":"${username}","topic":"${topic}","action":"${action}"} with
	 * action publish or subscribe; mosquitto-go-auth sends {@code acc} (1 read, 2 write,
	 * 4 subscribe).
	 */
	record Check(String username, String topic, String action, Integer acc, String clientid) {
	}

	@PostMapping("/auth")
	@Operation(summary = "代理认证：设备 (编码 + 令牌) 或平台订阅端能否连接")
	ResponseEntity<Map<String, String>> authenticate(@RequestHeader(name = SECRET_HEADER, required = false) String key,
			@RequestBody(required = false) Login login) {
		requireBroker(key);
		return answer(login != null && access.authenticate(login.username(), login.password()));
	}

	@PostMapping("/acl")
	@Operation(summary = "代理授权：能否在该主题发布或订阅")
	ResponseEntity<Map<String, String>> authorize(@RequestHeader(name = SECRET_HEADER, required = false) String key,
			@RequestBody(required = false) Check check) {
		requireBroker(key);
		if (check == null) {
			return answer(false);
		}
		boolean publish = "publish".equalsIgnoreCase(check.action()) || check.acc() != null && (check.acc() & 2) != 0;
		boolean subscribe = "subscribe".equalsIgnoreCase(check.action())
				|| check.acc() != null && (check.acc() & 5) != 0;
		return answer(publish ? access.mayPublish(check.username(), check.topic())
				: subscribe && access.maySubscribe(check.username(), check.topic()));
	}

	private void requireBroker(String key) {
		if (secret == null || key == null || !MessageDigest.isEqual(secret, key.getBytes(StandardCharsets.UTF_8))) {
			throw new cn.hxay.shared.NotFoundException("未找到");
		}
	}

	private static ResponseEntity<Map<String, String>> answer(boolean allowed) {
		return ResponseEntity.status(allowed ? HttpStatus.OK : HttpStatus.FORBIDDEN)
			.body(Map.of("result", allowed ? "allow" : "deny"));
	}

}
