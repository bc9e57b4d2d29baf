package cn.hxay.shared.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A ledger as a one-sheet Excel workbook: a header row, then one row per record; numbers
 * are written as numbers, everything else as text ({@code null} as an empty cell).
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

}
