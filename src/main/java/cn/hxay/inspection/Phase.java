package cn.hxay.inspection;

import java.time.LocalDate;

/**
 * A dated phase of a campaign (部署, 自查自纠, 检查验收, 回头看 in seed 003).
 */
public record Phase(String name, LocalDate from, LocalDate to) {

	public boolean covers(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}

}
