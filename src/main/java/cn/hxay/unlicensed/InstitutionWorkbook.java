package cn.hxay.unlicensed;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.hxay.shared.documents.LedgerWorkbook;

/** The ledger as an Excel workbook (无证办学机构清理整顿台账). */
final class InstitutionWorkbook {

	static final String[] HEADERS = { "编号", "名称", "类别", "县（区）", "地址", "经度(WGS-84)", "纬度(WGS-84)", "举办者", "在园（班）人数",
			"发现人", "发现日期", "责任部门", "办证期限", "状态", "是否逾期", "证照编号", "销号日期", "销号人", "复查期限", "复查日期", "原编号（重新开办）" };

	private InstitutionWorkbook() {
	}

	static byte[] write(List<UnlicensedInstitution> rows, Map<String, String> counties, LocalDate today) {
		return LedgerWorkbook.write("无证办学台账", HEADERS,
				rows.stream()
					.map(u -> new Object[] { u.id(), u.name(), u.kind().label(),
							counties.getOrDefault(u.regionCode(), u.regionCode()), u.address(), u.longitude(),
							u.latitude(), u.operator(), u.children(), u.foundBy(), u.foundOn(), u.department(),
							u.deadline(), u.status().label(), u.overdue(today) ? "是" : "否", u.licenceNo(), u.closedOn(),
							u.closedBy(), u.recheckDue(), u.recheckedOn(), u.previousId() })
					.toList());
	}

}
