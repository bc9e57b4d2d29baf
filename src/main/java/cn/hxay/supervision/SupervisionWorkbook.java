package cn.hxay.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import cn.hxay.shared.PlatformTime;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The visit register and the accountability register as Excel sheets: a title, the
 * reading unit and as-of date, a frozen header and widths that fit Chinese text.
 */
final class SupervisionWorkbook {

	private SupervisionWorkbook() {
	}

	static byte[] visits(List<Visit> visits, String unit, LocalDate asOf) {
		return sheet("督导检查记录", unit, asOf,
				new String[] { "序号", "督导日期", "方式", "督导单位", "督导组成员", "被督导学校", "发现问题", "转为隐患" },
				new int[] { 6, 12, 10, 20, 24, 40, 60, 30 }, visits,
				v -> new Object[] { v.visitedOn().toString(), v.kind().label(), v.unitName(), v.team(),
						String.join("、", v.schools().stream().map(Visit.School::schoolName).toList()),
						String.join("\n", v.findings().stream().map(f -> f.schoolName() + "：" + f.text()).toList()),
						String.join("\n",
								v.findings()
									.stream()
									.filter(f -> f.hazardNumber() != null)
									.map(Visit.Finding::hazardNumber)
									.toList()) });
	}

	static byte[] accountability(List<Accountability> records, String unit, LocalDate asOf) {
		return sheet("问责记录", unit, asOf,
				new String[] { "序号", "决定日期", "方式", "被问责单位", "地区代码", "事由", "处理措施", "关联案事件", "关联隐患", "记录单位" },
				new int[] { 6, 12, 10, 24, 10, 50, 40, 12, 30, 20 }, records,
				a -> new Object[] { a.decidedOn().toString(), a.kind().label(), a.targetUnit(), a.regionCode(),
						a.reason(), a.measures(), a.incidentId() == null ? "" : "案事件 #" + a.incidentId(),
						a.hazardNumber() == null ? "" : a.hazardNumber(), a.recorderUnit() });
	}

	private static <T> byte[] sheet(String title, String unit, LocalDate asOf, String[] columns, int[] widths,
			List<T> rows, Function<T, Object[]> values) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(title);
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle head = book.createCellStyle();
			head.setFont(bold);
			CellStyle wrap = book.createCellStyle();
			wrap.setWrapText(true);
			sheet.createRow(0).createCell(0).setCellValue(title);
			sheet.getRow(0).getCell(0).setCellStyle(head);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.length - 1));
			sheet.createRow(1)
				.createCell(0)
				.setCellValue("单位：" + unit + "　　数据截至：" + PlatformTime.CHINESE_DATE.format(asOf) + "　　共 " + rows.size()
						+ " 条");
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns.length - 1));
			Row header = sheet.createRow(2);
			for (int i = 0; i < columns.length; i++) {
				header.createCell(i).setCellValue(columns[i]);
				header.getCell(i).setCellStyle(head);
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			sheet.createFreezePane(0, 3);
			int n = 3;
			for (T item : rows) {
				Row row = sheet.createRow(n);
				row.createCell(0).setCellValue(n - 2);
				Object[] cells = values.apply(item);
				for (int i = 0; i < cells.length; i++) {
					row.createCell(i + 1).setCellValue(cells[i] == null ? "" : cells[i].toString());
					row.getCell(i + 1).setCellStyle(wrap);
				}
				n++;
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
