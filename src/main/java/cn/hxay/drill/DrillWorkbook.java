package cn.hxay.drill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.stereotype.Component;

/** Each school's drill status as an Excel workbook, one row per school and type. */
@Component
class DrillWorkbook {

	private static final String[] HEADERS = { "序号", "学校", "地区代码", "学校类型", "演练类型", "要求间隔（天）", "最近一次", "下次应于", "已安排",
			"状态" };

	byte[] write(List<SchoolDrills> rows, LocalDate today) {
		SXSSFWorkbook book = new SXSSFWorkbook(200);
		try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("应急演练");
			sheet.createRow(0).createCell(0).setCellValue("学校应急演练情况（截至 " + today + "）");
			Row head = sheet.createRow(1);
			for (int i = 0; i < HEADERS.length; i++) {
				head.createCell(i).setCellValue(HEADERS[i]);
			}
			int r = 2;
			for (SchoolDrills s : rows) {
				for (TypeStatus t : s.types()) {
					Row row = sheet.createRow(r);
					String[] v = { Integer.toString(r - 1), s.schoolName(), s.regionCode(),
							s.kind() == null ? "" : s.kind().label(), t.type().label(),
							Integer.toString(t.intervalDays()), text(t.lastHeld()),
							t.dueOn() == null ? "从未开展" : t.dueOn().toString(), text(t.nextPlanned()),
							t.status().label() };
					for (int i = 0; i < v.length; i++) {
						row.createCell(i).setCellValue(v[i]);
					}
					r++;
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(LocalDate day) {
		return day == null ? "" : day.toString();
	}

}
