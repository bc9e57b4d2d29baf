package cn.hxay.school;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excel import through the upload page: all or nothing, re-import updates, wrong files
 * refused with a reason.
 */
@PlatformTest
class SchoolImportTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aGoodFileRegistersEverySchoolAndReimportingChangesNothing() throws IOException {
		byte[] file = workbook(List.of(row("3040297001", "导入测试幼儿园", "幼儿园", "民办", "城区", "否", "180", "", "20"),
				row("3040297002", "导入测试小学", "小学", "公办", "镇区", "是", "900", "120", "60")));
		WebSession browser = admin();
		Page first = browser.upload("/schools/import", "file", "schools.xlsx", file);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body()).contains("导入完成").contains("新登记 <span>2</span>");
		assertThat(count("code like '30402970%'")).isEqualTo(2);
		assertThat(jdbc.sql("select boarders from school where code = '3040297002'").query(Integer.class).single())
			.isEqualTo(120);

		Page again = browser.upload("/schools/import", "file", "schools.xlsx", file);
		assertThat(again.body()).contains("新登记 <span>0</span>").contains("未变化 <span>2</span>");
		assertThat(count("code like '30402970%'")).isEqualTo(2);

		byte[] changed = workbook(List.of(row("3040297002", "导入测试小学", "小学", "公办", "镇区", "是", "950", "120", "60")));
		Page update = browser.upload("/schools/import", "file", "schools.xlsx", changed);
		assertThat(update.body()).contains("更新 <span>1</span>");
		assertThat(jdbc.sql("select students from school where code = '3040297002'").query(Integer.class).single())
			.isEqualTo(950);
	}

	@Test
	void oneBadRowRejectsTheWholeFileWithRowNumbersAndReasons() throws IOException {
		long before = count("true");
		byte[] file = workbook(List.of(row("3040296001", "整批测试一", "小学", "公办", "城区", "否", "500", "", "40"),
				row("304029600", "整批测试二", "小学", "公办", "城区", "否", "500", "", "40"),
				row("3040296003", "整批测试三", "大学", "公办", "城区", "否", "500", "", "40"),
				row("3040296004", "整批测试四", "初中", "公办", "乡村", "是", "300", "400", "40"),
				row("3040296001", "整批测试五", "小学", "公办", "城区", "否", "500", "", "40")));
		Page refused = admin().upload("/schools/import", "file", "bad.xlsx", file);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("未导入，没有写入任何数据")
			.contains("第 3 行：学校标识码须为 10 位数字")
			.contains("第 4 行：“学校类型”的值“大学”无效")
			.contains("第 5 行：寄宿生数 (400) 不能超过在校生数 (300)")
			.contains("第 6 行：学校标识码 3040296001 与第 2 行重复")
			.doesNotContain("第 2 行：");
		assertThat(count("true")).isEqualTo(before);
	}

	@Test
	void unknownPoliceStationIsNamedInTheReason() throws IOException {
		List<String> row = row("3040295001", "派出所测试", "小学", "公办", "城区", "否", "500", "", "40");
		row.set(17, "不存在派出所");
		Page refused = admin().upload("/schools/import", "file", "station.xlsx", workbook(List.of(row)));
		assertThat(refused.body()).contains("第 2 行：天宁区教育局辖区内没有名为“不存在派出所”的属地派出所");
		assertThat(count("code = '3040295001'")).isZero();
	}

	@Test
	void aFileThatIsNotExcelIsRefused() {
		Page refused = admin().upload("/schools/import", "file", "schools.xlsx",
				"学校标识码,学校名称\n3040294001,假的表格\n".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("文件不是 Excel 工作簿 (.xlsx)");
		assertThat(count("code = '3040294001'")).isZero();
	}

	@Test
	void aHugeFileIsRefusedBySize() {
		byte[] huge = new byte[12 * 1024 * 1024];
		huge[0] = 'P';
		huge[1] = 'K';
		Page refused = admin().upload("/schools/import", "file", "huge.xlsx", huge);
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.body()).contains("文件过大").contains("10 MB");
	}

	@Test
	void templateAndExportUseTheSameLayout() throws IOException {
		WebSession browser = admin();
		Page template = browser.get("/schools/import/template");
		assertThat(template.status()).isEqualTo(200);
		assertThat(template.header("Content-Disposition")).contains("attachment");
		Page export = browser.get("/schools/export?region=320402");
		assertThat(export.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(export.bytes()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("学校标识码*");
			assertThat(sheet.getLastRowNum()).isEqualTo((int) count("region_code = '320402'"));
		}
		Page reimport = browser.upload("/schools/import", "file", "export.xlsx", export.bytes());
		assertThat(reimport.body()).contains("导入完成").contains("新登记 <span>0</span>").contains("更新 <span>0</span>");
	}

	private List<String> row(String code, String name, String kind, String ownership, String locality, String boarding,
			String students, String boarders, String staff) {
		return new java.util.ArrayList<>(List.of(code, name, kind, ownership, locality, boarding, students, boarders,
				staff, "常州市天宁区测试路1号", "", "", "张校长", "13800000000", "", "", "天宁区教育局", "青龙派出所", "", "否", "是"));
	}

	private byte[] workbook(List<List<String>> rows) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("学校");
			Row header = sheet.createRow(0);
			for (int i = 0; i < SchoolWorkbook.HEADERS.size(); i++) {
				header.createCell(i).setCellValue(SchoolWorkbook.HEADERS.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (!rows.get(r).get(c).isEmpty()) {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	private long count(String where) {
		return jdbc.sql("select count(*) from school where " + where).query(Long.class).single();
	}

	private WebSession admin() {
		WebSession browser = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		browser.get("/schools/import");
		return browser;
	}

}
