package cn.hxay.alarm.devices;

import cn.hxay.alarm.DeviceKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import cn.hxay.shared.Violation;
import cn.hxay.shared.documents.ImportWorkbook;
import cn.hxay.shared.documents.ImportWorkbook.SheetRow;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
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

	static List<SheetRow> read(InputStream input) {
		return ImportWorkbook.read(input, REQUIRED, MAX_ROWS);
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
		ImportWorkbook.header(workbook, sheet, headers, REQUIRED,
				header -> header.equals(CODE) ? 24 : ImportWorkbook.widthOf(header));
	}

	private static void dropDown(Sheet sheet, DataValidationHelper helper, String header, String[] options) {
		ImportWorkbook.dropDown(sheet, helper, HEADERS, header, options, MAX_ROWS);
	}

	static Violation rowProblem(int row, String message) {
		return ImportWorkbook.rowProblem(row, message);
	}

}
