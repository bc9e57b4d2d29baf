package cn.hxay.surroundings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The violation ledger as an Excel workbook (周边场所违规台账). */
final class ViolationWorkbook {

	static final String[] HEADERS = { "编号", "场所", "场所类型", "学校", "距离(米)", "规定距离(米)", "规则", "依据", "状态", "责任部门", "整改期限",
			"发现日期", "销号日期", "销号人", "说明" };

	private ViolationWorkbook() {
	}

	static byte[] write(List<VenueViolation> rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("周边场所违规台账");
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				header.createCell(i).setCellValue(HEADERS[i]);
			}
			int r = 1;
			for (VenueViolation w : rows) {
				Row row = sheet.createRow(r++);
				Object[] values = { w.id(), w.venueName(), w.venueType().label(), w.schoolName(), w.distanceMetres(),
						w.limitMetres(), w.ruleLabel(), w.citation(), w.status().label(), w.department(), w.deadline(),
						w.foundOn(), w.closedOn(), w.closedBy(), w.note() };
				for (int i = 0; i < values.length; i++) {
					Object v = values[i];
					if (v instanceof Number n) {
						row.createCell(i).setCellValue(n.doubleValue());
					}
					else {
						row.createCell(i).setCellValue(v == null ? "" : v.toString());
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
