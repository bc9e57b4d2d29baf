package cn.hxay.dispute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.documents.LedgerWorkbook;

/** The dispute register as an Excel workbook (矛盾纠纷排查化解台账). */
final class DisputeWorkbook {

	static final String[] HEADERS = { "编号", "学校", "县（区）", "类别", "标题", "基本情况", "当事各方", "责任单位", "责任人", "化解期限", "状态",
			"是否逾期", "升级时间", "升级理由", "化解结果", "化解时间", "登记单位" };

	private DisputeWorkbook() {
	}

	static byte[] write(List<Dispute> rows, Map<String, String> counties, LocalDate today) {
		List<Object[]> lines = new ArrayList<>();
		for (Dispute d : rows) {
			lines.add(new Object[] { d.id(), d.schoolName(), counties.getOrDefault(d.regionCode(), d.regionCode()),
					d.kind().label(), d.title(), d.description(), d.parties(), d.responsibleUnit(),
					d.responsibleOfficer(), d.deadline().toString(), d.status().label(), d.overdue(today) ? "是" : "否",
					time(d.escalatedAt()), d.escalationReason(), d.resolution(), time(d.resolvedAt()),
					d.registeredUnit() });
		}
		return LedgerWorkbook.write("矛盾纠纷台账", HEADERS, lines);
	}

	private static String time(Instant at) {
		return at == null ? "" : PlatformTime.MINUTE.format(at);
	}

}
