package cn.hxay.posture;

import java.time.OffsetDateTime;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A school's security posture for scripts and other systems, with the same rules as the
 * posture page: the data scope (404 outside it), who may change it, validation by field
 * in Chinese, and ID numbers that never leave the server in full. Updates are optimistic:
 * the {@code ETag} is the id of the version in force ({@code "0"} before the first one)
 * and a PUT must send it back as {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/schools/{id}/posture")
@Tag(name = "安全防范情况", description = "学校人防、物防、技防情况的读取与填报；每次修改形成新版本并触发合规重新评估；保安员身份证号一律脱敏返回")
class PostureApiController {

	private final Postures postures;

	private final SchoolRegistry schools;

	PostureApiController(Postures postures, SchoolRegistry schools) {
		this.postures = postures;
		this.schools = schools;
	}

	/**
	 * A version as the API returns it; the guards' ID numbers are masked (first 6 and
	 * last 4 characters).
	 *
	 * @param version the version's id, also the ETag; 0 when none was recorded
	 */
	record PostureResource(long schoolId, long version, OffsetDateTime validFrom, String recordedBy,
			SecurityPosture posture) {

		static PostureResource of(PostureVersion v) {
			return new PostureResource(v.schoolId(), v.id(), v.validFrom(), v.recordedBy(),
					Postures.masked(v.posture()));
		}

	}

	/** One version of the history and the facts it changed against the one before. */
	record HistoryItem(long version, OffsetDateTime validFrom, String recordedBy, List<String> changes,
			SecurityPosture posture) {

	}

	@GetMapping
	@Operation(summary = "查看学校当前的安全防范情况",
			description = "ETag 为当前版本号（从未填报时为 \"0\"，各项为 null 即未填报）；保安员身份证号只返回前 6 位和后 4 位；管辖范围以外的学校返回 404")
	ResponseEntity<PostureResource> get(@PathVariable long id, DataScope scope) {
		PostureVersion current = postures.currentFor(scope, id);
		return ResponseEntity.ok().eTag(Long.toString(current.id())).body(PostureResource.of(current));
	}

	@PutMapping
	@Operation(summary = "填报新版本的安全防范情况",
			description = "请求体为完整的安全防范情况（与 GET 返回的 posture 相同，整体替换，null 为未填报）；须带 If-Match 头（GET 返回的 ETag），缺少返回 428，他人已修改返回 409；"
					+ "保安员的身份证号留空或为 GET 返回的脱敏号码时保留原号码；校验失败返回 400 及逐项原因 (violations)；仅本校安全负责人和管辖的教育局可修改")
	ResponseEntity<?> put(@PathVariable long id, @RequestBody SecurityPosture posture,
			@Parameter(description = "GET 返回的 ETag，如 \"12\"") @RequestHeader(name = "If-Match",
					required = false) String ifMatch,
			CurrentUser user, DataScope scope) {
		schools.get(scope, id);
		Long version = parseVersion(ifMatch);
		if (version == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
					"修改须带 If-Match 头，值为读取时得到的 ETag");
			problem.setTitle("缺少版本");
			return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED).body(problem);
		}
		PostureVersion recorded = postures.replace(user, scope, id, version, posture);
		return ResponseEntity.ok().eTag(Long.toString(recorded.id())).body(PostureResource.of(recorded));
	}

	@GetMapping("/history")
	@Operation(summary = "安全防范情况的历史版本", description = "按生效时间从新到旧分页；每个版本列出与上一版本相比变更的项目；page 从 0 开始，size 最大 200；身份证号脱敏")
	Paged<HistoryItem> history(@PathVariable long id, DataScope scope, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return postures.historyPage(scope, id, new PageRequest(page, size))
			.map(row -> new HistoryItem(row.version().id(), row.version().validFrom(), row.version().recordedBy(),
					row.changes(), Postures.masked(row.version().posture())));
	}

	private static Long parseVersion(String ifMatch) {
		if (ifMatch == null) {
			return null;
		}
		String value = ifMatch.strip().replace("W/", "").replace("\"", "");
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
