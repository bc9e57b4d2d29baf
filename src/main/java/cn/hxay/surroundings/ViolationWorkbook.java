package cn.hxay.surroundings;

import java.util.List;

import cn.hxay.shared.documents.LedgerWorkbook;

/** The violation ledger as an Excel workbook (周边场所违规台账). */
final class ViolationWorkbook {

	static final String[] HEADERS = { "编号", "场所", "场所类型", "学校", "距离(米)", "规定距离(米)", "规则", "依据", "状态", "责任部门", "整改期限",
			"发现日期", "销号日期", "销号人", "说明" };

	private ViolationWorkbook() {
	}

	static byte[] write(List<VenueViolation> rows) {
		return LedgerWorkbook.write("周边场所违规台账", HEADERS,
				rows.stream()
					.map(w -> new Object[] { w.id(), w.venueName(), w.venueType().label(), w.schoolName(),
							w.distanceMetres(), w.limitMetres(), w.ruleLabel(), w.citation(), w.status().label(),
							w.department(), w.deadline(), w.foundOn(), w.closedOn(), w.closedBy(), w.note() })
					.toList());
	}

}
