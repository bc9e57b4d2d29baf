package cn.hxay.warning;

import java.time.LocalDateTime;

import cn.hxay.school.SchoolKind;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a sender fills in: level, title, text, the acknowledge-by time (platform time,
 * Asia/Shanghai) and optionally a county (GB/T 2260 code) and a kind of school to narrow
 * the schools of the sender's scope.
 */
public record NewWarning(WarningLevel level, String title, String body,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime acknowledgeBy, String regionCode,
		SchoolKind schoolKind) {

	static NewWarning empty() {
		return new NewWarning(null, "", "", null, null, null);
	}

}
