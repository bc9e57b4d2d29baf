package cn.hxay.warning;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import cn.hxay.demo.DemoUsers;
import cn.hxay.identity.NewUserAccount;
import cn.hxay.identity.Role;
import cn.hxay.identity.UserAccounts;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.hxay.support.Texts.find;
import static cn.hxay.support.Texts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files sent with a warning (a PDF notice, photos), checked by their own bytes and
 * downloadable only by the sender's scope and the receiving schools; and the sender's
 * list of schools that have not read it, paged and exported, each total equal to the
 * unread count.
 */
@PlatformTest
class WarningFileTests {

	static final String PW = DemoUsers.PASSWORD;

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	Page api(String method, String path, String user, String body) {
		return new WebSession(port).api(method, path, user, PW, body, Map.of());
	}

	long files() {
		return jdbc.sql("select count(*) from warning_attachment").query(Long.class).single();
	}

	@Test
	void aPdfGoesWithTheWarningToTheSchoolsOnlyAndTheUnreadListIsPagedAndExported() throws Exception {
		String ack = PlatformTime.local(clock.instant().plus(Duration.ofHours(8)))
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();
		Page sent = api("POST", "/api/v1/warnings", DemoUsers.COUNTY_EDUCATION, """
				{"level":"YELLOW","title":"附件测试预警-%d","body":"请查阅附件中的通知。","acknowledgeBy":"%s","regionCode":"320402"}"""
			.formatted(System.nanoTime() % 100000, ack));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		long id = json(sent.body()).get("id").asLong();

		// the sender attaches; a file that is neither PDF nor photo is refused, nothing
		// written
		WebSession sender = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, PW);
		sender.get("/warnings/" + id);
		long before = files();
		Page refused = sender.upload("/warnings/" + id + "/attachments", "file", "通知.docx",
				"PK\u0003\u0004 not a pdf".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("附件只接受 PDF");
		assertThat(files()).isEqualTo(before);
		assertThat(sender.upload("/warnings/" + id + "/attachments", "file", "防范通知.pdf", PDF).status()).isEqualTo(302);
		String show = sender.get("/warnings/" + id).body();
		assertThat(show).contains("防范通知.pdf");
		long fileId = Long.parseLong(find(show, "/warnings/" + id + "/attachments/(\\d+)\""));

		// a receiving school downloads it; the police who see the warning, and other
		// schools, do not
		Page download = api("GET", "/api/v1/warnings/" + id + "/attachments/" + fileId, DemoUsers.SCHOOL_LEAD, null);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Type")).startsWith("application/pdf");
		assertThat(download.bytes()).isEqualTo(PDF);
		WebSession school = WebSession.signedIn(port, DemoUsers.SCHOOL_LEAD, PW);
		assertThat(school.get("/warnings/" + id + "/attachments/" + fileId).status()).isEqualTo(200);
		assertThat(api("GET", "/api/v1/warnings/" + id, DemoUsers.COUNTY_POLICE, null).status()).isEqualTo(200);
		assertThat(
				api("GET", "/api/v1/warnings/" + id + "/attachments/" + fileId, DemoUsers.COUNTY_POLICE, null).status())
			.isEqualTo(403);
		String wujin = "wujin.file." + System.nanoTime() % 100000;
		long wujinUnit = jdbc.sql("select organisation_id from school where region_code = '320412' limit 1")
			.query(Long.class)
			.single();
		accounts.open(new NewUserAccount(wujin, "武进某校", PW, wujinUnit, Set.of(Role.SCHOOL_SAFETY_LEAD), null));
		assertThat(api("GET", "/api/v1/warnings/" + id + "/attachments/" + fileId, wujin, null).status())
			.isEqualTo(404);
		// a school cannot attach
		school.get("/warnings/" + id);
		assertThat(school.upload("/warnings/" + id + "/attachments", "file", "x.pdf", PDF).status()).isEqualTo(403);

		// who has not read: paged, every school once, the total equal to the unread count
		long unread = json(api("GET", "/api/v1/warnings/" + id, DemoUsers.COUNTY_EDUCATION, null).body()).get("unread")
			.asLong();
		assertThat(unread).isGreaterThan(10);
		Set<String> seen = new HashSet<>();
		for (int page = 0; page * 10 < unread; page++) {
			JsonNode part = json(api("GET", "/api/v1/warnings/" + id + "/unread?size=10&page=" + page,
					DemoUsers.COUNTY_EDUCATION, null)
				.body());
			assertThat(part.get("total").asLong()).isEqualTo(unread);
			part.get("items").forEach(r -> seen.add(r.get("schoolName").asString()));
		}
		assertThat(seen).hasSize((int) unread);
		assertThat(api("POST", "/api/v1/warnings/" + id + "/read", DemoUsers.SCHOOL_LEAD, null).status())
			.isEqualTo(200);
		Page page = sender.get("/warnings/" + id + "/unread");
		assertThat(find(page.body(), "共 (\\d+) 条")).isEqualTo(String.valueOf(unread - 1));
		Page excel = sender.get("/warnings/" + id + "/unread.xlsx");
		assertThat(excel.status()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(excel.bytes()))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum() - 2).isEqualTo((int) unread - 1);
		}
	}

}
