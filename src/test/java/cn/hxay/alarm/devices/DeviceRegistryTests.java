package cn.hxay.alarm.devices;

import cn.hxay.alarm.DeviceTokens;
import cn.hxay.alarm.TestDevices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

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

import static cn.hxay.alarm.TestDevices.PW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device registry through the pages and the API: registration with a one-time token,
 * GB/T 28181 code checks, Excel import all or nothing, export, and data scope.
 */
@PlatformTest
class DeviceRegistryTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegisteredDeviceIsListedWithItsStatusAndItsTokenIsStoredOnlyHashed() {
		WebSession edu = WebSession.signedIn(port, "tianning.edu", PW);
		String school = TestDevices.qinglongSchool(port)[0];
		String code = TestDevices.code("134");
		TestDevices.Registered device = TestDevices.register(edu, code, school, "ONE_KEY_ALARM", "门卫室");

		String stored = jdbc.sql("select token_hash from device where code = ?")
			.param(code)
			.query(String.class)
			.single();
		assertThat(stored).hasSize(64).isNotEqualTo(device.token());
		assertThat(stored).isEqualTo(DeviceTokens.hash(device.token()));

		Page list = edu.get("/devices?q=" + code);
		assertThat(list.body()).contains(code).contains("门卫室").contains("离线");
		Page show = edu.get("/devices/" + device.id());
		assertThat(show.body()).contains("从未收到心跳").contains("60 秒 × 允许丢失 3 次");
		assertThat(show.body()).doesNotContain(device.token());

		Page other = WebSession.signedIn(port, "wujin.edu", PW).get("/devices/" + device.id());
		assertThat(other.status()).isEqualTo(404);
		Page api = new WebSession(port).api("GET", "/api/v1/devices?q=" + code, "wujin.edu", PW, null, Map.of());
		assertThat(api.body()).contains("\"total\":0");
	}

	@Test
	void aDeviceIsEditedWithOptimisticLocking() {
		WebSession edu = WebSession.signedIn(port, "tianning.edu", PW);
		String school = TestDevices.qinglongSchool(port)[0];
		TestDevices.Registered device = TestDevices.register(edu, TestDevices.code("131"), school, "CAMERA", "校门");
		Page form = edu.get("/devices/" + device.id() + "/edit");
		assertThat(form.body()).contains("编辑设备").contains("name=\"version\" value=\"0\"");
		Map<String, Object> fields = new java.util.HashMap<>(Map.of("code", device.code(), "schoolCode", school, "kind",
				"CAMERA", "place", "北门", "vendor", "大华", "model", "IPC-2", "mustBeNetworked", "false", "version", "0"));
		Page saved = edu.postForm("/devices/" + device.id() + "/edit", fields);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(edu.get("/devices/" + device.id()).body()).contains("北门").contains("大华 / IPC-2");
		fields.put("place", "南门");
		Page stale = edu.postForm("/devices/" + device.id() + "/edit", fields);
		assertThat(stale.body()).contains("已被他人修改");
		assertThat(jdbc.sql("select place from device where id = ?").param(device.id()).query(String.class).single())
			.isEqualTo("北门");
	}

	@Test
	void aCodeThatIsNotGbt28181OrDoesNotFitTheKindIsRefused() {
		WebSession edu = WebSession.signedIn(port, "tianning.edu", PW);
		String school = TestDevices.qinglongSchool(port)[0];
		edu.get("/devices/new");
		Page shortCode = edu.postForm("/devices/new",
				Map.of("code", "12345", "schoolCode", school, "kind", "CAMERA", "place", "校门"));
		assertThat(shortCode.body()).contains("设备编码须为 20 位数字");
		Page wrongType = edu.postForm("/devices/new",
				Map.of("code", TestDevices.code("134"), "schoolCode", school, "kind", "CAMERA", "place", "校门"));
		assertThat(wrongType.body()).contains("摄像机应为 131 或 132");
		Page wrongCity = edu.postForm("/devices/new",
				Map.of("code", "11010200001340000001", "schoolCode", school, "kind", "ONE_KEY_ALARM", "place", "校门"));
		assertThat(wrongCity.body()).contains("前 4 位应与学校所在市");
	}

	@Test
	void importIsAllOrNothingAndTheExportListsTheDevices() throws IOException {
		WebSession edu = WebSession.signedIn(port, "tianning.edu", PW);
		String school = TestDevices.qinglongSchool(port)[0];
		String first = TestDevices.code("131");
		String second = TestDevices.code("118");
		edu.get("/devices/import");
		Page refused = edu.upload("/devices/import", "file", "d.xlsx",
				workbook(List.of(List.of(first, school, "摄像机", "校门", "大华", "IPC", "是"),
						List.of(second, "9999999999", "NVR", "监控室", "", "", "是"))));
		assertThat(refused.body()).contains("未导入").contains("第 3 行").contains("9999999999 不存在");
		assertThat(jdbc.sql("select count(*) from device where code in (?, ?)")
			.params(first, second)
			.query(Long.class)
			.single()).isZero();

		Page imported = edu.upload("/devices/import", "file", "d.xlsx",
				workbook(List.of(List.of(first, school, "摄像机", "校门", "大华", "IPC", "是"),
						List.of(second, school, "NVR", "监控室", "", "", "否"))));
		assertThat(imported.body()).contains("导入完成").contains("新登记 <span>2</span>").contains("device-token");
		assertThat(jdbc.sql("select must_be_networked from device where code = ?")
			.param(second)
			.query(Boolean.class)
			.single()).isFalse();

		Page again = edu.upload("/devices/import", "file", "d.xlsx",
				workbook(List.of(List.of(first, school, "摄像机", "校门", "大华", "IPC", "是"))));
		assertThat(again.body()).contains("未变化 <span>1</span>");

		Page export = edu.get("/devices/export?q=" + first);
		assertThat(export.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(export.bytes()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("设备编码");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(first);
			assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("离线");
		}
	}

	@Test
	void ratesAreReportedPerLevelThroughTheApiAndThePage() {
		TestDevices.register(WebSession.signedIn(port, "tianning.edu", PW), TestDevices.code("132"),
				TestDevices.qinglongSchool(port)[0], "CAMERA", "操场");
		Page rates = new WebSession(port).api("GET", "/api/v1/devices/rates?level=COUNTY", "city.police", PW, null,
				Map.of());
		assertThat(rates.status()).isEqualTo(200);
		assertThat(rates.body()).contains("\"key\":\"320402\"").contains("\"name\":\"天宁区\"").contains("\"required\"");
		Page page = WebSession.signedIn(port, "city.police", PW).get("/devices/rates?level=STATION");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("派出所").contains("联网率");
	}

	static byte[] workbook(List<List<String>> rows) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("设备");
			Row header = sheet.createRow(0);
			List<String> headers = DeviceWorkbook.HEADERS;
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < rows.get(r).size(); i++) {
					row.createCell(i).setCellValue(rows.get(r).get(i));
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

}
