package cn.hxay.portal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hxay.demo.DemoUsers;
import cn.hxay.shared.web.ContentSecurityPolicy;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HTML page of the platform, reached by following the links each kind of user sees,
 * answers with the Content-Security-Policy and carries no inline script or inline event
 * handler (which the policy would refuse to run); Swagger UI has its own policy.
 */
@PlatformTest
class ContentSecurityPolicyTests {

	private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");

	/** A script element: its attributes and whether it has content. */
	private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);

	private static final Pattern HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	@Test
	void everyPageAnswersWithThePolicyAndHasNoInlineScript() {
		Map<String, Integer> visited = new LinkedHashMap<>();
		for (String user : new String[] { DemoUsers.ADMIN, DemoUsers.COUNTY_EDUCATION, DemoUsers.STATION_OFFICER,
				DemoUsers.SCHOOL_LEAD }) {
			visited.putAll(crawl(WebSession.signedIn(port, user, DemoUsers.PASSWORD), user));
		}
		// the main pages of every module were among them
		assertThat(visited.keySet()).contains("admin /admin/users", "tianning.edu /schools",
				"tianning.edu /schools/{n}", "tianning.edu /compliance", "tianning.edu /inspections/campaigns/{n}",
				"tianning.edu /hazards", "tianning.edu /devices", "qinglong.police /console",
				"qinglong.police /alarms/statistics", "school.lead /inspections/{n}",
				"school.lead /schools/{n}/posture");
		assertThat(visited).hasSizeGreaterThan(60);

		WebSession anonymous = new WebSession(port);
		assertPolicy("/login", anonymous.get("/login"));
		Page missing = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD)
			.get("/schools/999999999");
		assertThat(missing.status()).isEqualTo(404);
		assertPolicy("/schools/999999999", missing);
	}

	@Test
	void swaggerUiHasItsOwnPolicyWithoutInlineScript() {
		WebSession session = WebSession.signedIn(port, DemoUsers.COUNTY_EDUCATION, DemoUsers.PASSWORD);
		Page page = session.follow(session.get("/swagger-ui.html"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header(ContentSecurityPolicy.HEADER)).isEqualTo(ContentSecurityPolicy.SWAGGER_UI)
			.contains("script-src 'self';")
			.doesNotContain("unsafe-eval");
		assertNoInlineScript("/swagger-ui/index.html", page.body());
		assertThat(ContentSecurityPolicy.PAGES)
			.contains("script-src 'self';", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'",
					"form-action 'self'")
			.doesNotContain("unsafe-eval")
			.doesNotContainPattern("script-src[^;]*unsafe-inline");
	}

	/** Follows the links a user sees, one page of each shape (ids replaced by {n}). */
	private Map<String, Integer> crawl(WebSession session, String user) {
		Map<String, Integer> visited = new LinkedHashMap<>();
		Set<String> shapes = new HashSet<>();
		Deque<String> queue = new ArrayDeque<>();
		queue.add("/");
		while (!queue.isEmpty() && visited.size() < 150) {
			String path = queue.poll();
			String shape = path.replaceAll("\\?.*", "").replaceAll("\\d+", "{n}");
			if (!shapes.add(shape)) {
				continue;
			}
			Page page = session.get(path);
			visited.put(user + " " + shape, page.status());
			assertThat(page.status()).as("%s %s", user, path).isIn(200, 302, 403, 404);
			assertPolicy(user + " " + path, page);
			if (page.header("Content-Type") == null || !page.header("Content-Type").startsWith("text/html")) {
				continue;
			}
			Matcher links = LINK.matcher(page.body());
			while (links.find()) {
				String link = links.group(1).replace("&amp;", "&");
				if (!link.matches(
						".*(export|\\.xlsx|\\.pdf|/stream|template|/photos/|/webjars/|/css/|/js/|logout|swagger-ui).*")) {
					queue.add(link);
				}
			}
		}
		return visited;
	}

	private static void assertPolicy(String page, Page response) {
		assertThat(response.header(ContentSecurityPolicy.HEADER)).as(page).isEqualTo(ContentSecurityPolicy.PAGES);
		if (response.header("Content-Type") != null && response.header("Content-Type").startsWith("text/html")) {
			assertNoInlineScript(page, response.body());
		}
	}

	private static void assertNoInlineScript(String page, String html) {
		Matcher scripts = SCRIPT.matcher(html);
		while (scripts.find()) {
			boolean data = scripts.group(1).contains("type=\"application/json\"");
			assertThat(data || (scripts.group(1).contains("src=") && scripts.group(2).isBlank()))
				.as("inline script on %s: %s", page, scripts.group())
				.isTrue();
		}
		assertThat(HANDLER.matcher(html).find()).as("inline event handler on %s", page).isFalse();
	}

}
