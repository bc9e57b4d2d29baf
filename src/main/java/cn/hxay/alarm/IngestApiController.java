package cn.hxay.alarm;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.hxay.alarm.IngestCounters.Reason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heartbeats and alarms over HTTPS, for gateways that cannot speak MQTT. The device signs
 * in with its own token in the {@code X-Device-Token} header (not as a user); the body is
 * the same JSON as over MQTT.
 */
@RestController
@RequestMapping("/api/v1/devices/{deviceCode}")
@Tag(name = "设备接入", description = "设备或网关上报心跳与报警；以设备令牌 (X-Device-Token) 认证")
class IngestApiController {

	static final String TOKEN_HEADER = "X-Device-Token";

	private final Ingest ingest;

	IngestApiController(Ingest ingest) {
		this.ingest = ingest;
	}

	@PostMapping(path = "/heartbeats", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "上报心跳", description = "202 已接收；401 令牌缺失或错误；400 格式错误；413 超长")
	ResponseEntity<?> heartbeat(@PathVariable String deviceCode,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestBody(required = false) byte[] body) {
		return answer(ingest.receive(Ingest.HTTP, Ingest.Kind.HEARTBEAT, deviceCode, null, token == null ? "" : token,
				body == null ? new byte[0] : body));
	}

	@PostMapping(path = "/registrations", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "注册 (GB/T 28181 REGISTER)",
			description = "{\"expires\":3600}：注册有效期（秒，0–86400，默认 3600）；0 为注销。注册过的设备只在有效期内且心跳正常时算在线。202 已接收")
	ResponseEntity<?> register(@PathVariable String deviceCode,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestBody(required = false) byte[] body) {
		return answer(ingest.receive(Ingest.HTTP, Ingest.Kind.REGISTER, deviceCode, null, token == null ? "" : token,
				body == null || body.length == 0 ? "{}".getBytes() : body));
	}

	@PostMapping(path = "/alarms", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "上报报警", description = "201 已存储；200 同一 eventId 已存储过 (不重复存储)；401/400/413 同心跳")
	ResponseEntity<?> alarm(@PathVariable String deviceCode,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestBody(required = false) byte[] body) {
		return answer(ingest.receive(Ingest.HTTP, Ingest.Kind.ALARM, deviceCode, null, token == null ? "" : token,
				body == null ? new byte[0] : body));
	}

	private static ResponseEntity<?> answer(Ingest.Result result) {
		if (result instanceof Ingest.Accepted accepted) {
			if (accepted.alarmId() == null) {
				return ResponseEntity.accepted().body(Map.of("accepted", true));
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("alarmId", accepted.alarmId());
			body.put("duplicate", accepted.duplicate());
			return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
		}
		Ingest.Rejected rejected = (Ingest.Rejected) result;
		Reason reason = rejected.reason();
		HttpStatus status = switch (reason) {
			case UNAUTHENTICATED, UNKNOWN_DEVICE -> HttpStatus.UNAUTHORIZED;
			case OVERSIZED -> HttpStatus.PAYLOAD_TOO_LARGE;
			case MALFORMED, TOPIC_MISMATCH -> HttpStatus.BAD_REQUEST;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status == HttpStatus.UNAUTHORIZED
				? "需要有效的设备令牌 (X-Device-Token)" : reason.label() + "：" + rejected.detail());
		problem.setTitle(reason.label());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
