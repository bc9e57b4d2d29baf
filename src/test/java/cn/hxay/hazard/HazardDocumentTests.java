package cn.hxay.hazard;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.support.Texts.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hazard documents an office sends, read back: the ledger workbook (title, as-of
 * date, county names, column widths, frozen header) and the rectification notice (issuing
 * unit, seal area, receipt stub, file named by its number).
 */
@PlatformTest
class HazardDocumentTests {

	static final String PW = DemoUsers.PASSWORD;

	@LocalServerPort
	int port;

	@Test
	void ledgerWorkbookAndRectificationNoticeAreDocumentsAnOfficeCanSend() throws Exception {
		WebSession api = new WebSession(port);
		String school = find(api.api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, PW, null, Map.of()).body(),
				"\"id\":(\\d+)");
		Page raised = api.api("POST", "/api/v1/hazards", DemoUsers.COUNTY_EDUCATION, PW, """
				{"schoolId":%s,"place":"北侧围墙","category":"PHYSICAL","grade":"GENERAL","description":"围墙一处裂缝长约两米",
				 "requirements":"修补加固","responsibleUnit":"学校后勤处","responsiblePerson":"校长"}""".formatted(school),
				Map.of());
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String id = find(raised.body(), "\"id\":(\\d+)");
		String number = find(raised.body(), "\"noticeNumber\":\"([^\"]+)\"");

		Page xlsx = api.api("GET", "/api/v1/hazards/ledger.xlsx", DemoUsers.COUNTY_EDUCATION, PW, null, Map.of());
		assertThat(xlsx.status()).isEqualTo(200);
		save("hazard-ledger.xlsx", xlsx.bytes());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			Sheet sheet = book.getSheet("隐患台账");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("学校安全隐患台账");
			assertThat(sheet.getRow(0).getCell(14).getStringCellValue()).matches("截至 \\d{4}年\\d{1,2}月\\d{1,2}日");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("县（区）");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
			assertThat(sheet.getColumnWidth(7)).isGreaterThan(sheet.getColumnWidth(0));
			boolean found = false;
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(3).getStringCellValue()).isEqualTo("天宁区");
				found |= number.equals(sheet.getRow(r).getCell(1).getStringCellValue());
			}
			assertThat(found).isTrue();
		}

		Page pdf = api.api("GET", "/api/v1/hazards/" + id + "/notice.pdf", DemoUsers.COUNTY_EDUCATION, PW, null,
				Map.of());
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(
				java.net.URLDecoder.decode(pdf.header("Content-Disposition"), java.nio.charset.StandardCharsets.UTF_8))
			.contains(number + ".pdf");
		save("rectification-notice.pdf", pdf.bytes());
		try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("天宁区教育局")
				.contains("签发单位：天宁区教育局")
				.contains("签发单位盖章")
				.contains("隐患整改通知书回执")
				.contains("签收人")
				.contains(number)
				.contains("北侧围墙");
		}
	}

	private static void save(String name, byte[] bytes) throws Exception {
		Path dir = Path.of("target", "report-documents");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name), bytes);
	}

}
