package cn.hxay.keyperson;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;

/** The status-change form on the detail page, as typed. */
record StatusForm(@Pattern(regexp = "^$|^(INCLUDE|DOWNGRADE|ESCALATE|RELEASE)$", message = "请选择操作") String move,
		@Pattern(regexp = "^$|^(LOW|MEDIUM|HIGH)$", message = "请选择风险等级") String risk, String reason,
		@Pattern(regexp = "^$|^\\d{4}-\\d{2}-\\d{2}$", message = "复核日期格式应为 yyyy-MM-dd") String reviewDate,
		@Pattern(regexp = "^$|^\\d{1,9}$", message = "版本号无效") String version) {

	StatusChange change() {
		return new StatusChange(KeyPersonForm.blank(move) ? null : StatusMove.valueOf(move),
				KeyPersonForm.blank(risk) ? null : RiskLevel.valueOf(risk), reason,
				KeyPersonForm.blank(reviewDate) ? null : LocalDate.parse(reviewDate));
	}

}
