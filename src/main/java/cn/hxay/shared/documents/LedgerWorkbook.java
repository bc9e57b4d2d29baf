package cn.hxay.shared.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A ledger as a one-sheet Excel workbook: a header row, then one row per record; numbers
 * are written as numbers, everything else as text ({@code null} as an empty cell). For a
 * table with the office's title, borders and frozen header use {@link OfficeSheet}.
 */
public final class LedgerWorkbook {

	private LedgerWorkbook() {
	}

	public static byte[] write(String sheetName, String[] headers, List<Object[]> rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(sheetName);
			Row header = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				header.createCell(i).setCellValue(headers[i]);
				sheet.setColumnWidth(i, Math.min(40, Math.max(10, headers[i].length() * 3)) * 256);
			}
			int r = 1;
			for (Object[] values : rows) {
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

	/**
	 * A titled list as a one-sheet workbook written as it streams: the title in the first
	 * row, the header in the second, then one row of texts per record.
	 */
	public static byte[] titled(String sheetName, String title, String[] headers, List<String[]> rows) {
		SXSSFWorkbook book = new SXSSFWorkbook(200);
		try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(sheetName);
			sheet.createRow(0).createCell(0).setCellValue(title);
			Row head = sheet.createRow(1);
			for (int i = 0; i < headers.length; i++) {
				head.createCell(i).setCellValue(headers[i]);
			}
			int r = 2;
			for (String[] values : rows) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.length; c++) {
					row.createCell(c).setCellValue(values[c]);
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
