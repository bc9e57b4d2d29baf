package cn.hxay.compliance;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import cn.hxay.demo.DemoUsers;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance rates export read back with POI: a title, the as-of date by the platform
 * clock, a frozen header and column widths like the hazard ledger, district names (no
 * codes), whole-number counts equal to the rates the API gives, the 合计 last.
 */
@PlatformTest
class ComplianceExportTests {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Test
	void ratesExportCarriesTitleAsOfDateNamesAndWholeCountsEqualToTheRates() throws Exception {
		WebSession city = WebSession.signedIn(port, DemoUsers.CITY_EDUCATION, DemoUsers.PASSWORD);
		Page download = city.get("/compliance/export?region=320400");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
		Path dir = Path.of("target", "compliance-documents");
		Files.createDirectories(dir);
		Files.write(dir.resolve("达标率.xlsx"), download.bytes());
		// the rates as the API gives them, by area name and metric label
		Map<String, JsonNode> rates = new HashMap<>();
		for (JsonNode r : json(city
			.api("GET", "/api/v1/compliance/rates?region=320400", DemoUsers.CITY_EDUCATION, DemoUsers.PASSWORD, null,
					Map.of())
			.body())) {
			String area = r.get("areaKey").asString().equals("*") ? "常州市（合计）" : r.get("areaName").asString();
			rates.put(area + "|" + Metric.valueOf(r.get("metric").asString()).label(), r);
		}
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.bytes()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("常州市校园安全达标率");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
				.isEqualTo("截至 " + PlatformTime.CHINESE_DATE.format(clock.instant()));
			assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("达标学校数");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 3);
			assertThat(sheet.getColumnWidth(1)).isEqualTo(24 * 256);
			assertThat(sheet.getColumnWidth(2)).isEqualTo(30 * 256);
			int rows = 0;
			String last = null;
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				String area = row.getCell(1).getStringCellValue();
				assertThat(area).as("a name, not a code").doesNotContainPattern("\\d{6}").isNotBlank();
				JsonNode rate = rates.get(area + "|" + row.getCell(2).getStringCellValue());
				assertThat(rate).as(area).isNotNull();
				for (int c : new int[] { 0, 3, 4, 5 }) {
					assertThat(row.getCell(c).getCellType()).isEqualTo(CellType.NUMERIC);
					double v = row.getCell(c).getNumericCellValue();
					assertThat(v).as("whole number").isEqualTo(Math.rint(v));
					assertThat(row.getCell(c).getCellStyle().getDataFormatString()).isEqualTo("0");
				}
				assertThat((long) row.getCell(4).getNumericCellValue()).isEqualTo(rate.get("numerator").asLong());
				assertThat((long) row.getCell(5).getNumericCellValue()).isEqualTo(rate.get("denominator").asLong());
				assertThat(row.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0");
				last = area;
				rows++;
			}
			assertThat(rows).isEqualTo(rates.size());
			assertThat(last).isEqualTo("常州市（合计）");
			assertThat(rates.keySet()).anyMatch(k -> k.startsWith("天宁区|"));
		}
	}

}
