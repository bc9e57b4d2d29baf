package cn.hxay.supervision;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a user submits to this module, each checked by Bean Validation with a Chinese
 * message per field (the same records bind the page forms and the JSON API).
 */
public final class Commands {

	/** Printable text: no NUL or other control characters except tab and line breaks. */
	static final String PRINTABLE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	private Commands() {
	}

	/** A new 领导小组 or 工作专班 of the user's unit. */
	public record NewGroup(@NotNull(message = "请选择类型") GroupKind kind,
			@NotBlank(message = "请填写名称") @Size(max = 100, message = "名称不能超过 100 字") @Pattern(regexp = PRINTABLE,
					message = "名称含有不可见的控制字符") String name,
			@Size(max = 2000, message = "职责不能超过 2000 字") @Pattern(regexp = PRINTABLE,
					message = "职责含有不可见的控制字符") String duties) {

		static NewGroup empty() {
			return new NewGroup(GroupKind.LEADERSHIP_GROUP, "", "");
		}

	}

	/** A member joining a group. */
	public record NewMember(
			@NotBlank(message = "请填写姓名") @Size(max = 50,
					message = "姓名不能超过 50 字") @Pattern(regexp = PRINTABLE, message = "姓名含有不可见的控制字符") String name,
			@NotNull(message = "请选择职务") MemberRole role,
			@NotBlank(message = "请填写单位职务") @Size(max = 100, message = "单位职务不能超过 100 字") @Pattern(regexp = PRINTABLE,
					message = "单位职务含有不可见的控制字符") String position,
			@NotBlank(message = "请填写联系电话") @Pattern(regexp = "\\d{7,11}|\\d{3,4}-\\d{7,8}",
					message = "联系电话应为 11 位手机号或带区号的座机号") String phone,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedOn) {

		static NewMember empty() {
			return new NewMember("", MemberRole.MEMBER, "", "", null);
		}

	}

	/** A member leaving a group, with the reason kept in the history. */
	public record MemberLeaves(@NotNull(message = "请选择成员") Long memberId,
			@NotBlank(message = "请填写调整原因") @Size(max = 200, message = "调整原因不能超过 200 字") @Pattern(regexp = PRINTABLE,
					message = "调整原因含有不可见的控制字符") String reason) {
	}

	/** A visit by the user's unit over schools in its scope. */
	public record NewVisit(@NotNull(message = "请选择方式") VisitKind kind,
			@NotNull(message = "请填写督导日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
			@NotBlank(message = "请填写督导组成员") @Size(max = 500, message = "督导组成员不能超过 500 字") @Pattern(regexp = PRINTABLE,
					message = "督导组成员含有不可见的控制字符") String team,
			@Size(max = 4000, message = "督导情况不能超过 4000 字") @Pattern(regexp = PRINTABLE,
					message = "督导情况含有不可见的控制字符") String summary,
			@NotNull(message = "请选择被督导的学校") @Size(min = 1, max = 50,
					message = "请选择 1–50 所被督导的学校") List<@NotNull(message = "请选择被督导的学校") Long> schoolIds) {

		static NewVisit empty(LocalDate today) {
			return new NewVisit(VisitKind.UNANNOUNCED, today, "", "", List.of());
		}

	}

	/** A finding at one of the visited schools. */
	public record NewFinding(@NotNull(message = "请选择学校") Long schoolId,
			@NotBlank(message = "请填写发现的问题") @Size(max = 2000, message = "发现的问题不能超过 2000 字") @Pattern(regexp = PRINTABLE,
					message = "发现的问题含有不可见的控制字符") String text) {
	}

	/** A 通报 to units in the issuer's scope. */
	public record NewNotice(@NotNull(message = "请选择通报类型") NoticeKind kind,
			@NotBlank(message = "请填写标题") @Size(max = 200, message = "标题不能超过 200 字") @Pattern(regexp = PRINTABLE,
					message = "标题含有不可见的控制字符") String title,
			@NotBlank(message = "请填写正文") @Size(max = 8000, message = "正文不能超过 8000 字") @Pattern(regexp = PRINTABLE,
					message = "正文含有不可见的控制字符") String body,
			@NotNull(message = "请选择主送单位") @Size(min = 1, max = 200,
					message = "请选择 1–200 个主送单位") List<@NotNull(message = "请选择主送单位") Long> recipientIds,
			Long visitId) {

		static NewNotice empty() {
			return new NewNotice(NoticeKind.CRITICISM, "", "", List.of(), null);
		}

	}

	/** An accountability record against a unit in the recorder's scope. */
	public record NewAccountability(@NotNull(message = "请选择问责方式") AccountabilityKind kind,
			@NotNull(message = "请选择被问责单位") Long targetUnitId,
			@NotNull(message = "请填写决定日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
			@NotBlank(message = "请填写事由") @Size(max = 2000, message = "事由不能超过 2000 字") @Pattern(regexp = PRINTABLE,
					message = "事由含有不可见的控制字符") String reason,
			@Size(max = 2000, message = "处理措施不能超过 2000 字") @Pattern(regexp = PRINTABLE,
					message = "处理措施含有不可见的控制字符") String measures,
			Long incidentId, Long hazardId) {

		static NewAccountability empty(LocalDate today) {
			return new NewAccountability(AccountabilityKind.INTERVIEW, null, today, "", "", null, null);
		}

	}

}
