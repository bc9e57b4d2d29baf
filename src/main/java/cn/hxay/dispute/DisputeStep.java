package cn.hxay.dispute;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The text of a move: the resolution (化解结果) or the reason for escalating (升级理由). */
public record DisputeStep(@NotBlank(message = "请填写说明") @Size(max = 2000,
		message = "说明不能超过 2000 字") @Pattern(regexp = Disputes.PRINTABLE, message = "说明含有不可见的控制字符") String text) {

}
