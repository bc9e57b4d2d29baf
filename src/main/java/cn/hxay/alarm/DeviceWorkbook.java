package cn.hxay.alarm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The device sheet: one layout for the template, the import and the export (the export
 * adds status columns, which the import ignores), so an exported file can be edited and
 * imported again.
 */
final class DeviceWorkbook {

	static final int MAX_ROWS = 20_000;

	static final String CODE = "设备编码";

	static final String SCHOOL = "学校标识码";

	static final String KIND = "设备类型";

	static final String PLACE = "安装位置";

	static final String VENDOR = "厂商";

	static final String MODEL = "型号";

	static final String NETWORKED = "必须联网";

	static final String SCHOOL_NAME = "学校名称";

	static final String STATUS = "在线状态";

	static final String LAST_HEARTBEAT = "最后心跳";

	static final List<String> HEADERS = List.of(CODE, SCHOOL, KIND, PLACE, VENDOR, MODEL, NETWORKED);

	static final List<String> EXPORT_HEADERS = List.of(CODE, SCHOOL, KIND, PLACE, VENDOR, MODEL, NETWORKED, SCHOOL_NAME,
			STATUS, LAST_HEARTBEAT);

	static final List<String> REQUIRED = List.of(CODE, SCHOOL, KIND, PLACE);

	private DeviceWorkbook() {
	}

	record SheetRow(int number, Map<String, String> values) {

		String get(String header) {
			return values.get(header);
		}

	}

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

	static void writeTemplate(OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("设备");
			header(workbook, sheet, HEADERS);
			DataValidationHelper helper = sheet.getDataValidationHelper();
			dropDown(sheet, helper, KIND,
					Arrays.stream(DeviceKind.values()).map(DeviceKind::label).toArray(String[]::new));
			dropDown(sheet, helper, NETWORKED, new String[] { "是", "否" });
			Sheet help = workbook.createSheet("填写说明");
			String[][] lines = { { "列", "说明" }, { CODE,
					"必填，20 位数字 (GB/T 28181)：前 8 位中心编码 (以行政区划代码开头)，2 位行业编码，3 位类型码 (一键报警/入侵探测器 134，摄像机 131/132，NVR 118/111)，1 位网络标识，6 位序号" },
					{ SCHOOL, "必填，10 位学校标识码，须为您管辖范围内已登记的学校" }, { KIND, "必填：一键报警、摄像机、NVR、入侵探测器" },
					{ PLACE, "必填，如 门卫室、宿舍值班室、校门" }, { NETWORKED, "选填，是 或 否，默认“是”(计入联网率)" },
					{ "令牌", "每台新设备导入后生成一个接入令牌，只在导入结果页显示一次；已登记的设备编码更新该设备信息，令牌不变" },
					{ "整体规则", "整个文件先全部校验；只要有一行有错，整个文件都不导入，并列出出错的行号和原因" } };
			for (int i = 0; i < lines.length; i++) {
				Row row = help.createRow(i);
				row.createCell(0).setCellValue(lines[i][0]);
				row.createCell(1).setCellValue(lines[i][1]);
			}
			help.setColumnWidth(0, 20 * 256);
			help.setColumnWidth(1, 100 * 256);
			workbook.write(out);
		}
	}

	static void write(OutputStream out, Consumer<Consumer<List<Object>>> rows) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		workbook.setCompressTempFiles(true);
		try {
			Sheet sheet = workbook.createSheet("设备");
			header(workbook, sheet, EXPORT_HEADERS);
			int[] next = { 1 };
			rows.accept(values -> {
				Row row = sheet.createRow(next[0]++);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					if (value != null) {
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

	private static void header(Workbook workbook, Sheet sheet, List<String> headers) {
		CellStyle style = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		style.setFont(bold);
		Row row = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = row.createCell(i);
			String header = headers.get(i);
			cell.setCellValue(REQUIRED.contains(header) ? header + "*" : header);
			cell.setCellStyle(style);
			sheet.setColumnWidth(i, (header.equals(CODE) ? 24 : Math.max(10, header.length() * 3 + 4)) * 256);
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
