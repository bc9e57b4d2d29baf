package cn.hxay.school;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The school sheet: one layout for the import template, the import and the export, so
 * that an exported file can be edited and imported again. Reading streams the file and
 * never holds the whole workbook in memory.
 */
final class SchoolWorkbook {

	static final int MAX_ROWS = 50_000;

	static final String CODE = "学校标识码";

	static final String NAME = "学校名称";

	static final String KIND = "学校类型";

	static final String OWNERSHIP = "办学性质";

	static final String LOCALITY = "城乡类型";

	static final String BOARDING = "是否寄宿制";

	static final String STUDENTS = "在校生数";

	static final String BOARDERS = "寄宿生数";

	static final String STAFF = "教职工数";

	static final String ADDRESS = "地址";

	static final String LONGITUDE = "经度";

	static final String LATITUDE = "纬度";

	static final String HEADMASTER = "校长";

	static final String HEADMASTER_PHONE = "校长电话";

	static final String SAFETY_LEAD = "安全负责人";

	static final String SAFETY_LEAD_PHONE = "安全负责人电话";

	static final String BUREAU = "主管教育局";

	static final String STATION = "属地派出所";

	static final String TOWNSHIP = "乡镇(街道)";

	static final String KEY_UNIT = "治安保卫重点单位";

	static final String LICENSED = "是否有资质";

	static final List<String> HEADERS = List.of(CODE, NAME, KIND, OWNERSHIP, LOCALITY, BOARDING, STUDENTS, BOARDERS,
			STAFF, ADDRESS, LONGITUDE, LATITUDE, HEADMASTER, HEADMASTER_PHONE, SAFETY_LEAD, SAFETY_LEAD_PHONE, BUREAU,
			STATION, TOWNSHIP, KEY_UNIT, LICENSED);

	static final List<String> REQUIRED = List.of(CODE, NAME, KIND, OWNERSHIP, LOCALITY, BOARDING, STUDENTS, STAFF,
			BUREAU, STATION);

	private SchoolWorkbook() {
	}

	/**
	 * One data row as read: its row number in the sheet (1 is the header) and its values
	 * by header.
	 */
	record SheetRow(int number, Map<String, String> values) {

		String get(String header) {
			return values.get(header);
		}

	}

	/**
	 * Reads every data row; refuses a file that is not an .xlsx workbook or lacks
	 * required columns.
	 */
	static List<SheetRow> read(InputStream input) {
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
					headerAt = headers(row);
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
				if (rows.size() >= MAX_ROWS) {
					throw new InvalidInputException("file", "每次最多导入 " + MAX_ROWS + " 行，请分批导入");
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

	private static Map<Integer, String> headers(Row row) {
		Map<Integer, String> headerAt = new LinkedHashMap<>();
		for (Cell cell : row) {
			String text = text(cell);
			if (text != null) {
				headerAt.put(cell.getColumnIndex(), text.replace("*", "").strip());
			}
		}
		List<String> missing = REQUIRED.stream().filter(h -> !headerAt.containsValue(h)).toList();
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

	/**
	 * The empty import template: headers, drop-down lists for the coded columns and a
	 * sheet of instructions.
	 */
	static void writeTemplate(OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("学校");
			header(workbook, sheet);
			DataValidationHelper helper = sheet.getDataValidationHelper();
			dropDown(sheet, helper, KIND,
					java.util.Arrays.stream(SchoolKind.values()).map(SchoolKind::label).toArray(String[]::new));
			dropDown(sheet, helper, OWNERSHIP,
					java.util.Arrays.stream(Ownership.values()).map(Ownership::label).toArray(String[]::new));
			dropDown(sheet, helper, LOCALITY,
					java.util.Arrays.stream(Locality.values()).map(Locality::label).toArray(String[]::new));
			for (String yesNo : List.of(BOARDING, KEY_UNIT, LICENSED)) {
				dropDown(sheet, helper, yesNo, new String[] { "是", "否" });
			}
			Sheet help = workbook.createSheet("填写说明");
			String[][] lines = { { "列", "说明" }, { CODE, "必填，10 位数字，全市唯一；已存在的标识码将更新该校信息" }, { NAME, "必填，2–100 个字" },
					{ KIND, "必填：幼儿园、小学、初中、高中、九年一贯制、完全中学、中职、特殊教育" }, { OWNERSHIP, "必填：公办 或 民办" },
					{ LOCALITY, "必填：城区、镇区 或 乡村" }, { BOARDING, "必填：是 或 否" }, { STUDENTS, "必填，整数" },
					{ BOARDERS, "寄宿制学校必填，不能超过在校生数；非寄宿制填 0 或留空" }, { STAFF, "必填，整数" },
					{ BUREAU, "必填，须与平台中的教育局名称一致，如“天宁区教育局”" }, { STATION, "必填，须与平台中该县(区)的派出所名称一致" },
					{ TOWNSHIP, "选填，平台中该县(区)的乡镇(街道)综治办名称" }, { LONGITUDE + "/" + LATITUDE, "选填，十进制度数，须同时填写" },
					{ "整体规则", "整个文件先全部校验；只要有一行有错，整个文件都不导入，并列出出错的行号和原因" } };
			for (int i = 0; i < lines.length; i++) {
				Row row = help.createRow(i);
				row.createCell(0).setCellValue(lines[i][0]);
				row.createCell(1).setCellValue(lines[i][1]);
			}
			help.setColumnWidth(0, 20 * 256);
			help.setColumnWidth(1, 80 * 256);
			workbook.write(out);
		}
	}

	/**
	 * Writes rows with a streaming workbook (a window of rows in memory, the rest on
	 * disk).
	 */
	static void write(OutputStream out, Consumer<Consumer<List<Object>>> rows) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		workbook.setCompressTempFiles(true);
		try {
			Sheet sheet = workbook.createSheet("学校");
			header(workbook, sheet);
			int[] next = { 1 };
			rows.accept(values -> {
				Row row = sheet.createRow(next[0]++);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					if (value instanceof Number number) {
						row.createCell(i).setCellValue(number.doubleValue());
					}
					else if (value != null) {
						row.createCell(i).setCellValue(value.toString());
					}
				}
			});
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private static void header(Workbook workbook, Sheet sheet) {
		CellStyle style = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		style.setFont(bold);
		Row row = sheet.createRow(0);
		for (int i = 0; i < HEADERS.size(); i++) {
			Cell cell = row.createCell(i);
			String header = HEADERS.get(i);
			cell.setCellValue(REQUIRED.contains(header) ? header + "*" : header);
			cell.setCellStyle(style);
			sheet.setColumnWidth(i, Math.max(10, header.length() * 3 + 4) * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	private static void dropDown(Sheet sheet, DataValidationHelper helper, String header, String[] options) {
		int column = HEADERS.indexOf(header);
		DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(options),
				new CellRangeAddressList(1, MAX_ROWS, column, column));
		validation.setShowErrorBox(true);
		sheet.addValidationData(validation);
	}

	static Violation rowProblem(int row, String message) {
		return Violation.of("第 " + row + " 行", "第 " + row + " 行：" + message);
	}

}
