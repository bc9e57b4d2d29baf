package cn.hxay.identity;

import java.util.Map;

import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside demo mode there are no default passwords: the first administrator sets one at
 * first start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hxay.demo.enabled=false")
@DirtiesContext
class FirstStartSetupTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFirstAdministratorSetsTheirOwnPasswordAndThePageThenDisappears() {
		assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isZero();
		WebSession browser = new WebSession(port);
		assertThat(browser.get("/").location().orElseThrow()).endsWith("/setup");
		assertThat(browser.get("/login").location().orElseThrow()).endsWith("/setup");
		Page form = browser.get("/setup");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("没有默认密码");

		Map<String, String> fields = new java.util.HashMap<>(
				Map.of("cityCode", "320400", "cityName", "常州市", "unitName", "常州市护校安园平台运维中心", "username", "chief",
						"displayName", "首任管理员", "password", "short", "repeatedPassword", "short"));
		Page weak = browser.postForm("/setup", fields);
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("密码至少 8 位");
		assertThat(jdbc.sql("select count(*) from organisation").query(Long.class).single())
			.as("a refused set-up leaves nothing behind")
			.isZero();

		fields.put("password", "Chief-Admin-2026");
		fields.put("repeatedPassword", "Chief-Admin-2026");
		Page done = browser.postForm("/setup", fields);
		assertThat(done.location().orElseThrow()).endsWith("/login?setup");
		assertThat(browser.get("/setup").location().orElseThrow()).endsWith("/login");

		WebSession admin = new WebSession(port);
		Page home = admin.follow(admin.login("chief", "Chief-Admin-2026"));
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("常州市护校安园平台运维中心").contains("系统管理员");
		assertThat(jdbc.sql("select count(*) from school").query(Long.class).single()).as("no demo data").isZero();
	}

}
