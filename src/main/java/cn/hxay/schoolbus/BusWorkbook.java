package cn.hxay.schoolbus;

import java.time.LocalDate;
import java.util.List;

import cn.hxay.shared.documents.LedgerWorkbook;

import org.springframework.stereotype.Component;

/** The lapsing dates of school buses and drivers as an Excel workbook, one row each. */
@Component
class BusWorkbook {

	private static final String[] HEADERS = { "序号", "学校", "地区代码", "项目", "车牌/驾驶人", "有效期至", "剩余天数", "状态" };

	byte[] write(List<ExpiryItem> items, LocalDate today) {
		List<String[]> lines = new java.util.ArrayList<>();
		for (ExpiryItem it : items) {
			lines.add(new String[] { Integer.toString(lines.size() + 1), it.schoolName(), it.regionCode(),
					it.kind().label(), it.subject(), it.validUntil().toString(), Long.toString(it.daysLeft()),
					it.status().label() });
		}
		return LedgerWorkbook.titled("校车证照", "校车及驾驶人证照到期情况（截至 " + today + "）", HEADERS, lines);
	}

}
