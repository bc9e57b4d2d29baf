package cn.hxay.shared.documents;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The styles of a table an office sends up as Excel: a large bold title, the as-of date
 * on the right, a bold bordered header, bordered cells that wrap, whole numbers and rates
 * with one decimal; plus the column widths and the frozen header. One per workbook.
 */
public final class OfficeSheet {

	public final Font bold;

	public final CellStyle title;

	public final CellStyle asOf;

	public final CellStyle header;

	public final CellStyle cell;

	public final CellStyle whole;

	public final CellStyle decimal;

	public OfficeSheet(Workbook book) {
		bold = book.createFont();
		bold.setBold(true);
		title = title(book);
		asOf = book.createCellStyle();
		asOf.setAlignment(HorizontalAlignment.RIGHT);
		asOf.setVerticalAlignment(VerticalAlignment.BOTTOM);
		header = bordered(book);
		header.setFont(bold);
		header.setAlignment(HorizontalAlignment.CENTER);
		cell = bordered(book);
		whole = bordered(book);
		whole.setDataFormat(book.createDataFormat().getFormat("0"));
		whole.setAlignment(HorizontalAlignment.RIGHT);
		decimal = bordered(book);
		decimal.setDataFormat(book.createDataFormat().getFormat("0.0"));
	}

	/** Column widths in characters. */
	public static void widths(Sheet sheet, int... characters) {
		for (int i = 0; i < characters.length; i++) {
			sheet.setColumnWidth(i, characters[i] * 256);
		}
	}

	/**
	 * The header row at {@code rowIndex} with the rows above and it frozen, so the header
	 * stays in view while scrolling.
	 */
	public void header(Sheet sheet, int rowIndex, String... headers) {
		Row row = sheet.createRow(rowIndex);
		for (int i = 0; i < headers.length; i++) {
			row.createCell(i).setCellValue(headers[i]);
			row.getCell(i).setCellStyle(header);
		}
		sheet.createFreezePane(0, rowIndex + 1);
	}

	/** A text cell spanning {@code firstColumn}..{@code lastColumn} of a row. */
	public static void merged(Sheet sheet, Row row, int firstColumn, int lastColumn, String text, CellStyle style) {
		row.createCell(firstColumn).setCellValue(text);
		row.getCell(firstColumn).setCellStyle(style);
		if (lastColumn > firstColumn) {
			sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), firstColumn, lastColumn));
		}
	}

	/** A new title style: large bold text, centred. */
	public static CellStyle title(Workbook book) {
		Font big = book.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 16);
		CellStyle s = book.createCellStyle();
		s.setFont(big);
		s.setAlignment(HorizontalAlignment.CENTER);
		s.setVerticalAlignment(VerticalAlignment.CENTER);
		return s;
	}

	/** A new bordered cell style that wraps, aligned to the top. */
	public static CellStyle bordered(Workbook book) {
		CellStyle s = book.createCellStyle();
		s.setBorderTop(BorderStyle.THIN);
		s.setBorderBottom(BorderStyle.THIN);
		s.setBorderLeft(BorderStyle.THIN);
		s.setBorderRight(BorderStyle.THIN);
		s.setWrapText(true);
		s.setVerticalAlignment(VerticalAlignment.TOP);
		return s;
	}

}
