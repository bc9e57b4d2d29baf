package cn.hxay.notification;

import java.time.Duration;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.awaitility.Awaitility.await;
import static cn.hxay.support.Texts.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook configured by an administrator receives the notification of a hazard placed
 * under listed supervision, signed, and is retried after its first failure until it
 * accepts.
 */
@PlatformTest
class WebhookTests {

	static final String PW = "Demo@2026";

	@LocalServerPort
	int port;

	record Received(String event, String signature, String body) {
	}

	@Test
	void aSupervisedHazardReachesTheWebhookAfterARetry() throws Exception {
		String place = "锅炉房-" + System.nanoTime();
		List<Received> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean ours = body.contains(place);
			boolean first = ours && received.stream().noneMatch(r -> r.body().contains(place));
			if (ours) {
				received.add(new Received(exchange.getRequestHeaders().getFirst("X-Hxay-Event"),
						exchange.getRequestHeaders().getFirst("X-Hxay-Signature"), body));
			}
			// the gateway is down the first time it is called for this hazard
			exchange.sendResponseHeaders(first ? 503 : 200, -1);
			exchange.close();
		});
		receiver.start();
		WebSession admin = WebSession.signedIn(port, "admin", PW);
		try {
			admin.get("/admin/webhooks");
			Page refused = admin.postForm("/admin/webhooks", Map.of("name", "坏地址", "url", "ftp://gateway"));
			assertThat(refused.body()).contains("地址应为 http:// 或 https:// 开头的完整网址").contains("value=\"ftp://gateway\"");
			Page added = admin.follow(admin.postForm("/admin/webhooks",
					Map.of("name", "短信网关-" + place, "url",
							"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "types",
							"HAZARD_SUPERVISED", "secret", "s3cret")));
			assertThat(added.body()).contains("已添加推送地址").contains("隐患挂牌督办");

			Page school = new WebSession(port).api("GET", "/api/v1/schools", "school.lead", PW, null, Map.of());
			String schoolId = find(school.body(), "\"id\":(\\d+)");
			Page raised = new WebSession(port).api("POST", "/api/v1/hazards", "tianning.edu", PW, """
					{"schoolId":%s,"place":"%s","category":"FIRE","grade":"MAJOR","description":"锅炉房无防爆措施",
					 "requirements":"停用并改造","responsibleUnit":"学校总务处","responsiblePerson":"王建国"}""".formatted(schoolId,
					place), Map.of());
			assertThat(raised.status()).as(raised.body()).isEqualTo(201);

			await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
			assertThat(received).as("first refused, then delivered again").hasSize(2);
			Received delivered = received.get(1);
			assertThat(delivered.event()).isEqualTo("hazard.supervised");
			assertThat(delivered.body()).contains("\"event\":\"hazard.supervised\"").contains("重大").contains(place);
			assertThat(delivered.signature()).isEqualTo("sha256=" + Notifications.sign("s3cret", delivered.body()));
			assertThat(received.get(0).body()).isEqualTo(delivered.body());

			Page log = admin.get("/admin/webhooks");
			assertThat(log.body()).contains("已送达（200）");
			assertThat(WebSession.signedIn(port, "tianning.edu", PW).get("/admin/webhooks").status()).isEqualTo(403);
			Page api = new WebSession(port).api("GET", "/api/v1/webhooks", "admin", PW, null, Map.of());
			assertThat(api.body()).contains("短信网关-" + place).contains("\"signed\":true").doesNotContain("s3cret");
			assertThat(new WebSession(port).api("GET", "/api/v1/webhooks", "city.police", PW, null, Map.of()).status())
				.isEqualTo(403);
			assertThat(
					new WebSession(port).api("GET", "/api/v1/webhooks/deliveries", "admin", PW, null, Map.of()).body())
				.contains("\"attempts\":2");
		}
		finally {
			Page list = admin.get("/admin/webhooks");
			Matcher ids = Pattern.compile("/admin/webhooks/(\\d+)/enabled").matcher(list.body());
			while (ids.find()) {
				admin.postForm("/admin/webhooks/" + ids.group(1) + "/enabled", Map.of("enabled", "false"));
			}
			receiver.stop(0);
		}
	}

}
