package cn.hxay.dispute;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.hxay.shared.PlatformTime;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The dispute register as an Excel workbook (矛盾纠纷排查化解台账). */
final class DisputeWorkbook {

	static final String[] HEADERS = { "编号", "学校", "县（区）", "类别", "标题", "基本情况", "当事各方", "责任单位", "责任人", "化解期限", "状态",
			"是否逾期", "升级时间", "升级理由", "化解结果", "化解时间", "登记单位" };

	private DisputeWorkbook() {
	}

	static byte[] write(List<Dispute> rows, Map<String, String> counties, java.time.LocalDate today) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("矛盾纠纷台账");
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				header.createCell(i).setCellValue(HEADERS[i]);
			}
			int r = 1;
			for (Dispute d : rows) {
				Object[] values = { d.id(), d.schoolName(), counties.getOrDefault(d.regionCode(), d.regionCode()),
						d.kind().label(), d.title(), d.description(), d.parties(), d.responsibleUnit(),
						d.responsibleOfficer(), d.deadline().toString(), d.status().label(),
						d.overdue(today) ? "是" : "否", time(d.escalatedAt()), d.escalationReason(), d.resolution(),
						time(d.resolvedAt()), d.registeredUnit() };
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.length; c++) {
					Object v = values[c];
					if (v instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else {
						row.createCell(c).setCellValue(v == null ? "" : v.toString());
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

	private static String time(Instant at) {
		return at == null ? "" : PlatformTime.MINUTE.format(at);
	}

}
