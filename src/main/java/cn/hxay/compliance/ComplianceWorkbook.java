package cn.hxay.compliance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

import cn.hxay.shared.PlatformTime;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
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
			for (int i = 0; i < WIDTHS.length; i++) {
				sheet.setColumnWidth(i, WIDTHS[i] * 256);
			}
			Font bold = book.createFont();
			bold.setBold(true);
			Font big = book.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 16);
			CellStyle titleStyle = book.createCellStyle();
			titleStyle.setFont(big);
			titleStyle.setAlignment(HorizontalAlignment.CENTER);
			CellStyle right = book.createCellStyle();
			right.setAlignment(HorizontalAlignment.RIGHT);
			CellStyle head = bordered(book, null);
			head.setFont(bold);
			head.setAlignment(HorizontalAlignment.CENTER);
			head.setWrapText(true);
			CellStyle text = bordered(book, null);
			CellStyle whole = bordered(book, book.createDataFormat().getFormat("0"));
			CellStyle decimal = bordered(book, book.createDataFormat().getFormat("0.0"));
			Row title = sheet.createRow(0);
			title.setHeightInPoints(30);
			title.createCell(0).setCellValue(totalName + "校园安全达标率");
			title.getCell(0).setCellStyle(titleStyle);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.length - 1));
			Row asOf = sheet.createRow(1);
			asOf.createCell(0).setCellValue("截至 " + PlatformTime.CHINESE_DATE.format(clock.instant()));
			asOf.getCell(0).setCellStyle(right);
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEADERS.length - 1));
			Row header = sheet.createRow(2);
			for (int i = 0; i < HEADERS.length; i++) {
				header.createCell(i).setCellValue(HEADERS[i]);
				header.getCell(i).setCellStyle(head);
			}
			sheet.createFreezePane(0, 3);
			int r = 3;
			// the areas first, the total last, as an office adds up a table
			List<Rate> ordered = rates.stream().filter(x -> !x.areaKey().equals("*")).toList();
			List<Rate> totals = rates.stream().filter(x -> x.areaKey().equals("*")).toList();
			for (Rate rate : java.util.stream.Stream.concat(ordered.stream(), totals.stream()).toList()) {
				Row row = sheet.createRow(r);
				boolean total = rate.areaKey().equals("*");
				number(row, 0, r - 2, whole);
				cell(row, 1, total ? totalName + "（合计）" : rate.areaName(), text);
				cell(row, 2, rate.metric().label(), text);
				number(row, 3, rate.metric().targetPercent(), whole);
				number(row, 4, rate.numerator(), whole);
				number(row, 5, rate.denominator(), whole);
				row.createCell(6).setCellValue(rate.percent());
				row.getCell(6).setCellStyle(decimal);
				cell(row, 7, rate.denominator() == 0 ? "无应达标学校" : rate.meetsTarget() ? "达标" : "未达标", text);
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

	private static CellStyle bordered(XSSFWorkbook book, Short format) {
		CellStyle s = book.createCellStyle();
		s.setBorderTop(BorderStyle.THIN);
		s.setBorderBottom(BorderStyle.THIN);
		s.setBorderLeft(BorderStyle.THIN);
		s.setBorderRight(BorderStyle.THIN);
		if (format != null) {
			s.setDataFormat(format);
		}
		return s;
	}

}
