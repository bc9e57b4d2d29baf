package cn.hxay.shared.documents;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.Violation;
import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * What every Excel import of the platform shares: a streamed read of the first sheet by
 * its header names (refusing files that are not .xlsx, lack required columns or are too
 * long, in Chinese), the template's header row and drop-down lists, and row-numbered
 * problems.
 */
public final class ImportWorkbook {

	private ImportWorkbook() {
	}

	/** One data row by header name; {@code number} is the row number Excel shows. */
	public record SheetRow(int number, Map<String, String> values) {

		public String get(String header) {
			return values.get(header);
		}

	}

	/** Reads every non-empty data row of the first sheet. */
	public static List<SheetRow> read(InputStream input, List<String> required, int maxRows) {
		BufferedInputStream in = new BufferedInputStream(input);
		if (!looksLikeXlsx(in)) {
			throw new InvalidInputException("file", "文件不是 Excel 工作簿 (.xlsx)，请使用下载的导入模板填写后上传");
		}
		List<SheetRow> rows = new ArrayList<>();
		try (Workbook workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(8192).open(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			Map<Integer, String> headerAt = null;
			for (Row row : sheet) {
				if (headerAt == null) {
					headerAt = headers(row, required);
					continue;
				}
				Map<String, String> values = new HashMap<>();
				for (Cell cell : row) {
					String header = headerAt.get(cell.getColumnIndex());
					String text = header == null ? null : text(cell);
					if (text != null) {
						values.put(header, text);
					}
				}
				if (values.isEmpty()) {
					continue;
				}
				if (rows.size() >= maxRows) {
					throw new InvalidInputException("file", "每次最多导入 " + maxRows + " 行，请分批导入");
				}
				rows.add(new SheetRow(row.getRowNum() + 1, values));
			}
			if (headerAt == null) {
				throw new InvalidInputException("file", "工作表是空的，没有表头");
			}
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new InvalidInputException("file", "无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式");
		}
		return rows;
	}

	/** The template's bold, frozen header row; required columns are marked with *. */
	public static void header(Workbook workbook, Sheet sheet, List<String> headers, List<String> required,
			ToIntFunction<String> width) {
		CellStyle style = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		style.setFont(bold);
		Row row = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = row.createCell(i);
			String header = headers.get(i);
			cell.setCellValue(required.contains(header) ? header + "*" : header);
			cell.setCellStyle(style);
			sheet.setColumnWidth(i, width.applyAsInt(header) * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	/** The usual column width in characters for a header. */
	public static int widthOf(String header) {
		return Math.max(10, header.length() * 3 + 4);
	}

	/** A drop-down list of allowed values under one column of the template. */
	public static void dropDown(Sheet sheet, DataValidationHelper helper, List<String> headers, String header,
			String[] options, int maxRows) {
		int column = headers.indexOf(header);
		DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(options),
				new CellRangeAddressList(1, maxRows, column, column));
		validation.setShowErrorBox(true);
		sheet.addValidationData(validation);
	}

	/** A problem of one row, named by the row number Excel shows. */
	public static Violation rowProblem(int row, String message) {
		return Violation.of("第 " + row + " 行", "第 " + row + " 行：" + message);
	}

	private static Map<Integer, String> headers(Row row, List<String> required) {
		Map<Integer, String> headerAt = new LinkedHashMap<>();
		for (Cell cell : row) {
			String text = text(cell);
			if (text != null) {
				headerAt.put(cell.getColumnIndex(), text.replace("*", "").strip());
			}
		}
		List<String> missing = required.stream().filter(h -> !headerAt.containsValue(h)).toList();
		if (!missing.isEmpty()) {
			throw new InvalidInputException("file", "表头缺少必填列：" + String.join("、", missing) + "。请使用下载的导入模板");
		}
		return headerAt;
	}

	private static boolean looksLikeXlsx(BufferedInputStream in) {
		try {
			in.mark(4);
			byte[] magic = in.readNBytes(4);
			in.reset();
			return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String text(Cell cell) {
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		String text = switch (type) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> {
				BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
				yield number.scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
			}
			case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
			default -> null;
		};
		if (text == null) {
			return null;
		}
		text = text.strip();
		return text.isEmpty() ? null : text;
	}

}
