package cn.hxay.drill;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.hxay.shared.documents.LedgerWorkbook;

import org.springframework.stereotype.Component;

/** Each school's drill status as an Excel workbook, one row per school and type. */
@Component
class DrillWorkbook {

	private static final String[] HEADERS = { "序号", "学校", "地区代码", "学校类型", "演练类型", "要求间隔（天）", "最近一次", "下次应于", "已安排",
			"状态" };

	byte[] write(List<SchoolDrills> rows, LocalDate today) {
		List<String[]> lines = new ArrayList<>();
		for (SchoolDrills s : rows) {
			for (TypeStatus t : s.types()) {
				lines.add(new String[] { Integer.toString(lines.size() + 1), s.schoolName(), s.regionCode(),
						s.kind() == null ? "" : s.kind().label(), t.type().label(), Integer.toString(t.intervalDays()),
						text(t.lastHeld()), t.dueOn() == null ? "从未开展" : t.dueOn().toString(), text(t.nextPlanned()),
						t.status().label() });
			}
		}
		return LedgerWorkbook.titled("应急演练", "学校应急演练情况（截至 " + today + "）", HEADERS, lines);
	}

	private static String text(LocalDate day) {
		return day == null ? "" : day.toString();
	}

}
