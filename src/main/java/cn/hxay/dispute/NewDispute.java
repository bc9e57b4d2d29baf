package cn.hxay.dispute;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A dispute as registered: school, kind, what, the parties, who is responsible, by when.
 */
public record NewDispute(@NotNull(message = "请选择涉及学校") Long schoolId, @NotNull(message = "请选择纠纷类别") DisputeKind kind,
		@NotBlank(message = "请填写标题") @Size(max = 100, message = "标题不能超过 100 字") @Pattern(regexp = Disputes.PRINTABLE,
				message = "标题含有不可见的控制字符") String title,
		@NotBlank(message = "请填写基本情况") @Size(max = 4000, message = "基本情况不能超过 4000 字") @Pattern(
				regexp = Disputes.PRINTABLE, message = "基本情况含有不可见的控制字符") String description,
		@NotBlank(message = "请填写当事各方") @Size(max = 500, message = "当事各方不能超过 500 字") @Pattern(
				regexp = Disputes.PRINTABLE, message = "当事各方含有不可见的控制字符") String parties,
		@NotBlank(message = "请填写责任单位") @Size(max = 100, message = "责任单位不能超过 100 字") @Pattern(
				regexp = Disputes.PRINTABLE, message = "责任单位含有不可见的控制字符") String responsibleUnit,
		@NotBlank(message = "请填写责任人") @Size(max = 50, message = "责任人不能超过 50 字") @Pattern(regexp = Disputes.PRINTABLE,
				message = "责任人含有不可见的控制字符") String responsibleOfficer,
		@NotNull(message = "请填写化解期限") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline) {

}
