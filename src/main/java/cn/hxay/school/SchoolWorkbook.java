package cn.hxay.school;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

import cn.hxay.shared.Violation;
import cn.hxay.shared.documents.ImportWorkbook;
import cn.hxay.shared.documents.ImportWorkbook.SheetRow;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
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
	/**
	 * Reads every data row; refuses a file that is not an .xlsx workbook or lacks
	 * required columns.
	 */
	static List<SheetRow> read(InputStream input) {
		return ImportWorkbook.read(input, REQUIRED, MAX_ROWS);
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
		// the file is deflated at the fastest level: 100,000 rows of XML dominate an
		// export
		// and a somewhat larger download costs less than the CPU of the default level
		SXSSFWorkbook workbook = new SXSSFWorkbook(200) {
			@Override
			protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
					OutputStream stream) {
				var zip = super.createArchiveOutputStream(stream);
				zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
				return zip;
			}
		};
		// plain temporary files: gzipping them while writing and unzipping them again for
		// the file cost a third of a 100,000-school export
		workbook.setCompressTempFiles(false);
		try {
			Sheet sheet = workbook.createSheet("学校");
			header(workbook, sheet);
			int[] next = { 1 };
			// every cell names the workbook's plain style: a cell without one is given
			// its
			// column's default style when written, looked up among the column definitions
			// (the widths set above) cell by cell, two thirds of a 100,000-school export
			CellStyle plain = workbook.getCellStyleAt(0);
			rows.accept(values -> {
				Row row = sheet.createRow(next[0]++);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					if (value instanceof Number number) {
						Cell cell = row.createCell(i);
						cell.setCellStyle(plain);
						cell.setCellValue(number.doubleValue());
					}
					else if (value != null) {
						Cell cell = row.createCell(i);
						cell.setCellStyle(plain);
						cell.setCellValue(value.toString());
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
		ImportWorkbook.header(workbook, sheet, HEADERS, REQUIRED, ImportWorkbook::widthOf);
	}

	private static void dropDown(Sheet sheet, DataValidationHelper helper, String header, String[] options) {
		ImportWorkbook.dropDown(sheet, helper, HEADERS, header, options, MAX_ROWS);
	}

	static Violation rowProblem(int row, String message) {
		return ImportWorkbook.rowProblem(row, message);
	}

}
