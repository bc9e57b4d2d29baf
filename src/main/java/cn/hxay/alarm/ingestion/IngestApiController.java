package cn.hxay.alarm.ingestion;

import cn.hxay.alarm.Device;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.hxay.alarm.ingestion.IngestCounters.Reason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heartbeats and alarms over HTTPS, for gateways that cannot speak MQTT. The device signs
 * in with its own token in the {@code X-Device-Token} header (not as a user); the body is
 * the same JSON as over MQTT. A body is refused on its declared length before a byte of
 * it is read, and reading stops at the limit (chunked bodies too), so an unauthenticated
 * sender cannot make the platform hold more than the limit in memory.
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
	@Operation(summary = "上报心跳", description = "202 已接收；401 设备编码或令牌无效；400 格式错误；413 超长")
	ResponseEntity<?> heartbeat(@PathVariable String deviceCode,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token, HttpServletRequest request)
			throws IOException {
		return receive(Ingest.Kind.HEARTBEAT, deviceCode, token, request, "");
	}

	@PostMapping(path = "/registrations", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "注册 (GB/T 28181 REGISTER)",
			description = "{\"expires\":3600}：注册有效期（秒，0–86400，默认 3600）；0 为注销。注册过的设备只在有效期内且心跳正常时算在线。202 已接收")
	ResponseEntity<?> register(@PathVariable String deviceCode,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token, HttpServletRequest request)
			throws IOException {
		return receive(Ingest.Kind.REGISTER, deviceCode, token, request, "{}");
	}

	@PostMapping(path = "/alarms", consumes = MediaType.ALL_VALUE)
	@Operation(summary = "上报报警", description = "201 已存储；200 同一 eventId 已存储过 (不重复存储)；401/400/413 同心跳")
	ResponseEntity<?> alarm(@PathVariable String deviceCode,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token, HttpServletRequest request)
			throws IOException {
		return receive(Ingest.Kind.ALARM, deviceCode, token, request, "");
	}

	private ResponseEntity<?> receive(Ingest.Kind kind, String deviceCode, String token, HttpServletRequest request,
			String empty) throws IOException {
		int max = ingest.maxPayload();
		long declared = request.getContentLengthLong();
		if (declared > max) {
			return answer(ingest.oversized(Ingest.HTTP, ingest.deviceIdOf(deviceCode), declared));
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(max + 1);
		}
		if (body.length > max) {
			return answer(ingest.oversized(Ingest.HTTP, ingest.deviceIdOf(deviceCode), -1));
		}
		if (body.length == 0) {
			body = empty.getBytes();
		}
		return answer(ingest.receive(Ingest.HTTP, kind, deviceCode, null, token == null ? "" : token, body));
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
			case MALFORMED, TOPIC_MISMATCH, LINK_REFUSED -> HttpStatus.BAD_REQUEST;
		};
		ProblemDetail problem;
		if (status == HttpStatus.UNAUTHORIZED) {
			// one answer for an unknown code and a wrong token: nothing tells which codes
			// exist
			problem = ProblemDetail.forStatusAndDetail(status, "设备编码或设备令牌 (X-Device-Token) 无效");
			problem.setTitle("设备认证失败");
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(status, reason.label() + "：" + rejected.detail());
			problem.setTitle(reason.label());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
