package cn.hxay.compliance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.documents.OfficeSheet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Component;

/**
 * The compliance rates (达标率) of an area as an Excel workbook an office can send: a title,
 * the as-of date by the platform clock (Beijing time), a frozen header, column widths,
 * district and station names (never codes), counts as whole numbers and rates with one
 * decimal, the area's total (合计) last.
 */
@Component
class ComplianceWorkbook {

	static final String[] HEADERS = { "序号", "县（区）/派出所", "指标", "目标（%）", "达标学校数", "应达标学校数", "达标率（%）", "是否达标" };

	private static final int[] WIDTHS = { 6, 24, 30, 10, 12, 14, 12, 10 };

	private final Clock clock;

	ComplianceWorkbook(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param totalName the area's name, for the title and its 合计 rows
	 * @param rates the rows as the rates page shows them ({@code *} is the total)
	 */
	byte[] write(String totalName, List<Rate> rates) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("达标率");
			OfficeSheet.widths(sheet, WIDTHS);
			OfficeSheet st = new OfficeSheet(book);
			Row title = sheet.createRow(0);
			title.setHeightInPoints(30);
			OfficeSheet.merged(sheet, title, 0, HEADERS.length - 1, totalName + "校园安全达标率", st.title);
			OfficeSheet.merged(sheet, sheet.createRow(1), 0, HEADERS.length - 1,
					"截至 " + PlatformTime.CHINESE_DATE.format(clock.instant()), st.asOf);
			st.header(sheet, 2, HEADERS);
			int r = 3;
			// the areas first, the total last, as an office adds up a table
			List<Rate> ordered = rates.stream().filter(x -> !x.areaKey().equals("*")).toList();
			List<Rate> totals = rates.stream().filter(x -> x.areaKey().equals("*")).toList();
			for (Rate rate : java.util.stream.Stream.concat(ordered.stream(), totals.stream()).toList()) {
				Row row = sheet.createRow(r);
				boolean total = rate.areaKey().equals("*");
				number(row, 0, r - 2, st.whole);
				cell(row, 1, total ? totalName + "（合计）" : rate.areaName(), st.cell);
				cell(row, 2, rate.metric().label(), st.cell);
				number(row, 3, rate.metric().targetPercent(), st.whole);
				number(row, 4, rate.numerator(), st.whole);
				number(row, 5, rate.denominator(), st.whole);
				row.createCell(6).setCellValue(rate.percent());
				row.getCell(6).setCellStyle(st.decimal);
				cell(row, 7, rate.denominator() == 0 ? "无应达标学校" : rate.meetsTarget() ? "达标" : "未达标", st.cell);
				r++;
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		row.createCell(column).setCellValue(value == null ? "" : value);
		row.getCell(column).setCellStyle(style);
	}

	private static void number(Row row, int column, long value, CellStyle style) {
		row.createCell(column).setCellValue(value);
		row.getCell(column).setCellStyle(style);
	}

}
