package cn.hxay.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import cn.hxay.demo.DemoUsers;
import cn.hxay.shared.PlatformTime;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static cn.hxay.support.Texts.find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, for every endpoint the platform has: the routes of every controller
 * and every operation of the OpenAPI document, for anonymous callers and each demo role,
 * on an object inside and one outside the caller's scope (a 天宁区 school, hazard, form,
 * device and alarm against a 武进区 one). The expected answers are declared in one table
 * below ({@link #EXPECTED}); an endpoint without a row fails the test, so every new
 * endpoint must say who may use it.
 * <p>
 * Writes are sent with a dummy body (an empty form or {@code {}}, version -1, a stale
 * {@code If-Match}): the point is refused (401/403/404) against allowed, and "allowed" is
 * a class of answers (2xx, 3xx other than to the login page, 400, 409, 412, 415, 428),
 * since a dummy body is rightly refused by the handler once the caller got that far.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	/**
	 * The read-only 督导员 gets 403 on every non-GET request except signing out and changing
	 * their own password (issue 10, item 10); cells marked {@code f} expect that and are
	 * skipped until the rule is in {@code SecurityConfiguration}.
	 */
	static final boolean INSPECTOR_READ_ONLY_RULE_LANDED = true;

	static final String ANONYMOUS = "anonymous";

	/** The columns of the table, in order. */
	static final List<String> ROLES = List.of(ANONYMOUS, DemoUsers.ADMIN, DemoUsers.CITY_EDUCATION,
			DemoUsers.CITY_POLICE, DemoUsers.INSPECTOR, DemoUsers.COUNTY_EDUCATION, DemoUsers.OTHER_COUNTY_EDUCATION,
			DemoUsers.COUNTY_POLICE, DemoUsers.STATION_OFFICER, DemoUsers.SCHOOL_LEAD);

	/**
	 * The expectations. Codes per column (anonymous, admin, city.edu, city.police,
	 * inspector, tianning.edu, wujin.edu, tianning.police, qinglong.police, school.lead):
	 * <ul>
	 * <li>{@code A} allowed (2xx, 3xx not to the login page, 400, 409, 412, 415,
	 * 428)</li>
	 * <li>{@code L} sign in first: 401 under {@code /api}, a redirect to {@code /login}
	 * on pages</li>
	 * <li>{@code F} 403, {@code N} 404, {@code U} 401 for a signed-in user (device
	 * endpoints take a device token, never a user)</li>
	 * <li>{@code f} 403 by the inspector's read-only rule (see
	 * {@link #INSPECTOR_READ_ONLY_RULE_LANDED})</li>
	 * </ul>
	 * A second string, for endpoints on an object with a scope, is the answer for the
	 * object out of scope (a 武进区 one).
	 */
	static final Map<String, String[]> EXPECTED = table(
	// @formatter:off
	// anonymous, admin, city.edu, city.police, inspector, tianning.edu, wujin.edu, tianning.police, qinglong.police, school.lead
	"DELETE /api/v1/webhooks/{id}", "L N F F F F F F F F",
	"GET /", "L A A A A A A A A A",
	"GET /account/password", "L A A A A A A A A A",
	"GET /forbidden", "F F F F F F F F F F",
	"GET /admin/audit", "L A F F F F F F F F",
	"GET /admin/organisations", "L A F F F F F F F F",
	"GET /admin/regions", "L A F F F F F F F F",
	"GET /admin/rule-sets", "L A F F F F F F F F",
	"GET /admin/users", "L A F F F F F F F F",
	"GET /admin/users/new", "L A F F F F F F F F",
	"GET /admin/users/{id}", "L A F F F F F F F F",
	"GET /admin/webhooks", "L A F F F F F F F F",
	// alarm statistics are police data, like the alarms they count
	"GET /alarms/statistics", "L F F A F F F A A F",
	"GET /api/v1/alarms", "L F F A F F F A A F",
	"GET /api/v1/alarms/log", "L F F A F F F A A F",
	"GET /api/v1/alarms/statistics", "L F F A F F F A A F",
	"GET /api/v1/alarms/{id}", "L F F A F F F A A F", "L F F A F F F N N F",
	"GET /api/v1/compliance/rates", "L A A A A A A A A A",
	"GET /api/v1/compliance/schools/{id}/findings", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /api/v1/devices", "L A A A A A A A A A",
	"GET /api/v1/devices/outages", "L A A A A A A A A A",
	"GET /api/v1/devices/rates", "L A A A A A A A A A",
	"GET /api/v1/devices/rejections", "L A A A A A A A A A",
	"GET /api/v1/devices/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /api/v1/hazards", "L A A A A A A A A A",
	"GET /api/v1/hazards/ledger.xlsx", "L A A A A A A A A A",
	"GET /api/v1/hazards/statistics", "L A A A A A A A A A",
	"GET /api/v1/hazards/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /api/v1/hazards/{id}/notice.pdf", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /api/v1/hazards/{id}/steps", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /api/v1/inspection-campaigns", "L A A A A A A A A A",
	"GET /api/v1/inspection-campaigns/{id}/inspections", "L A A A A A A A A A",
	"GET /api/v1/inspection-campaigns/{id}/progress", "L A A A A A A A A A",
	"GET /api/v1/inspections/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /api/v1/me", "L A A A A A A A A A",
	"GET /api/v1/schools", "L A A A A A A A A A",
	"GET /api/v1/schools/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /api/v1/webhooks", "L A F F F F F F F F",
	"GET /api/v1/webhooks/deliveries", "L A F F F F F F F F",
	"GET /compliance", "L A A A A A A A A A",
	"GET /compliance/evaluations/{id}", "L N N N N N N N N N",
	"GET /compliance/export", "L A A A A A A A A A",
	"GET /compliance/failing", "L A A A A A A A A A",
	"GET /console", "L F F A F F F A A F",
	"GET /console/alarms/{id}", "L F F A F F F A A F", "L F F A F F F N N F",
	"GET /console/log", "L F F A F F F A A F",
	"GET /console/queue", "L F F A F F F A A F",
	"GET /console/stream", "L F F A F F F A A F",
	"GET /devices", "L A A A A A A A A A",
	"GET /devices/export", "L A A A A A A A A A",
	"GET /devices/import", "L A A A A A A A A A",
	"GET /devices/import/template", "L A A A A A A A A A",
	"GET /devices/new", "L A A A A A A A A A",
	"GET /devices/rates", "L A A A A A A A A A",
	"GET /devices/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /devices/{id}/edit", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /hazards", "L A A A A A A A A A",
	"GET /hazards/ledger.xlsx", "L A A A A A A A A A",
	"GET /hazards/new", "L A A A A A A A A A",
	"GET /hazards/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /hazards/{id}/notice.pdf", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /hazards/{id}/photos/{photoId}", "L N N N N N N N N N", "L N N N N N N N N N",
	"GET /inspections", "L A A A A A A A A A",
	"GET /inspections/campaigns/new", "L A A A A A A A A A",
	"GET /inspections/campaigns/{id}", "L A A A A A A A A A",
	"GET /inspections/campaigns/{id}/annex2.pdf", "L A A A A A A A A A",
	"GET /inspections/campaigns/{id}/annex2.xlsx", "L A A A A A A A A A",
	"GET /inspections/campaigns/{id}/schools", "L A A A A A A A A A",
	"GET /inspections/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /inspections/{id}/annex1.pdf", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /inspections/{id}/annex1.xlsx", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /inspections/{id}/photos/{photoId}", "L N N N N N N N N N", "L N N N N N N N N N",
	"GET /login", "A A A A A A A A A A",
	"GET /schools", "L A A A A A A A A A",
	"GET /schools/export", "L A A A A A A A A A",
	"GET /schools/import", "L A A F F A A F F F",
	"GET /schools/import/template", "L A A F F A A F F F",
	"GET /schools/new", "L A A F F A A F F F",
	"GET /schools/station-options", "L A A A A A A A A A",
	"GET /schools/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /schools/{id}/compliance", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /schools/{id}/edit", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /schools/{id}/posture", "L A A A A A N A A A", "L A A A A N A N N N",
	// set-up is over once an account exists: it sends everyone to the login page
	"GET /setup", "L 302 302 302 302 302 302 302 302 302",
	"GET /swagger-ui.html", "L A A A A A A A A A",
	"GET /v3/api-docs", "L A A A A A A A A A",
	"GET /v3/api-docs.yaml", "L F F F F F F F F F",
	"GET /v3/api-docs/swagger-config", "L A A A A A A A A A",
	"POST /account/password", "L A A A A A A A A A",
	"POST /admin/organisations", "L A F F F F F F F F",
	"POST /admin/organisations/{id}", "L A F F F F F F F F",
	"POST /admin/regions", "L A F F F F F F F F",
	"POST /admin/regions/{code}", "L A F F F F F F F F",
	"POST /admin/rule-sets", "L A F F F F F F F F",
	"POST /admin/users/new", "L A F F F F F F F F",
	"POST /admin/users/{id}", "L A F F F F F F F F",
	"POST /admin/users/{id}/password", "L A F F F F F F F F",
	"POST /admin/webhooks", "L A F F F F F F F F",
	"POST /admin/webhooks/{id}/enabled", "L N F F F F F F F F",
	"POST /admin/webhooks/{id}/test", "L N F F F F F F F F",
	"POST /api/v1/devices/{deviceCode}/alarms", "L U U U f U U U U U", "L U U U f U U U U U",
	"POST /api/v1/devices/{deviceCode}/heartbeats", "L U U U f U U U U U", "L U U U f U U U U U",
	"POST /api/v1/devices/{deviceCode}/registrations", "L U U U f U U U U U", "L U U U f U U U U U",
	"POST /api/v1/hazards", "L A A A f A A A A A",
	"POST /api/v1/hazards/{id}/close", "L A A A f A N A A F", "L A A A f N A N N F",
	"POST /api/v1/hazards/{id}/plan", "L A A A f A N A A A", "L A A A f N A N N N",
	"POST /api/v1/hazards/{id}/return", "L A A A f A A A A F", "L A A A f A A A A F",
	"POST /api/v1/hazards/{id}/safeguards", "L A A A f A N A A A", "L A A A f N A N N N",
	"POST /api/v1/hazards/{id}/start", "L A A A f A N A A A", "L A A A f N A N N N",
	"POST /api/v1/hazards/{id}/submit", "L A A A f A N A A A", "L A A A f N A N N N",
	"POST /api/v1/schools", "L A A F F A A F F F",
	"POST /api/v1/webhooks", "L A F F F F F F F F",
	"POST /compliance/evaluations", "L A A F F A A F F F",
	"POST /console/alarms/{id}/acknowledge", "L F F A F F F A A F", "L F F A F F F N N F",
	"POST /console/alarms/{id}/arrive", "L F F A F F F A A F", "L F F A F F F N N F",
	"POST /console/alarms/{id}/close", "L F F A F F F A A F", "L F F A F F F N N F",
	"POST /console/alarms/{id}/dispatch", "L F F A F F F A A F", "L F F A F F F N N F",
	"POST /devices/import", "L A A A f A A A A A",
	"POST /devices/new", "L A A A F A A A F A",
	"POST /devices/{id}/edit", "L A A A F A N A F A", "L A A A F N A N N N",
	"POST /devices/{id}/token", "L A A A F A N A F A", "L A A A F N A N N N",
	// a dummy form names no school: 404 before anything is written
	"POST /hazards", "L N N N f N N N N N",
	"POST /hazards/{id}/photos", "L A A A f A N A A A", "L A A A f N A N N N",
	"POST /hazards/{id}/start", "L A A A f A N A A A", "L A A A f N A N N N",
	"POST /hazards/{id}/safeguards", "L A A A f A N A A A", "L A A A f N A N N N",
	"POST /hazards/{id}/submit", "L A A A f A N A A A", "L A A A f N A N N N",
	"POST /hazards/{id}/return", "L A A A f A N A A F", "L A A A f N A N N F",
	"POST /hazards/{id}/close", "L A A A f A N A A F", "L A A A f N A N N F",
	"POST /hazards/{id}/plan", "L A A A f A N A A A", "L A A A f N A N N N",
	"POST /inspections/campaigns", "L A A A F A A A F F",
	"POST /inspections/campaigns/{id}/sampling", "L A A A f F F F F F",
	// only the school and its police station fill a form in: anyone else is refused for any form
	"POST /inspections/{id}", "L F F F F F F F A A", "L F F F F F F F N N",
	"POST /inspections/{id}/accept", "L A A A f A N A F F", "L A A A f N A N F F",
	"POST /inspections/{id}/cosign", "L F F F F F F F A F", "L F F F F F F F N F",
	"POST /inspections/{id}/hazards", "L A A A f A N A F F", "L A A A f N A N F F",
	"POST /inspections/{id}/photos", "L F F F f F F F A A", "L F F F f F F F N N",
	"POST /inspections/{id}/return", "L A A A f A N A F F", "L A A A f N A N F F",
	"POST /inspections/{id}/sample-result", "L A A A f F F F F F", "L A A A f F F F F F",
	"POST /schools/import", "L A A F F A A F F F",
	"POST /schools/new", "L A A F F A A F F F",
	"POST /schools/{id}/edit", "L A A F F A N F F A", "L A A F F N A N N N",
	// the posture is kept by the school and education; police read it
	"POST /schools/{id}/posture", "L A A F f A N F F A", "L A A F f N A N N N",
	// revealing a guard's full ID number: editors of the school's posture, with a reason
	"POST /schools/{id}/posture/versions/{version}/guards/{index}/id-number", "L A A F f A N F F A", "L A A F f N A N N N",
	"POST /setup", "A A A A f A A A A A",
	"PUT /api/v1/schools/{id}", "L A A F F A N F F A", "L A A F F N A N N N",
	// key persons: police only at every layer; a station sees its own, the county its county's
	"GET /api/v1/key-persons", "L F F A F F F A A F",
	"POST /api/v1/key-persons", "L F F A f F F A A F",
	"POST /api/v1/key-persons/search", "L F F A f F F A A F",
	"GET /api/v1/key-persons/categories", "L F F A F F F A A F",
	"GET /api/v1/key-persons/{id}", "L F F A F F F A A F", "L F F A F F F N N F",
	"PUT /api/v1/key-persons/{id}", "L F F A f F F A A F", "L F F A f F F N N F",
	"POST /api/v1/key-persons/{id}/visits", "L F F A f F F A A F", "L F F A f F F N N F",
	"POST /api/v1/key-persons/{id}/status", "L F F A f F F A A F", "L F F A f F F N N F",
	"POST /api/v1/key-persons/{id}/transfer", "L F F A f F F A A F", "L F F A f F F N N F",
	"POST /api/v1/key-persons/{id}/reveal", "L F F A f F F A A F", "L F F A f F F N N F",
	"GET /key-persons", "L F F A F F F A A F",
	"POST /key-persons", "L F F A f F F A A F",
	"POST /key-persons/search", "L F F A f F F A A F",
	"GET /key-persons/export.xlsx", "L F F A F F F A A F",
	"GET /key-persons/new", "L F F A F F F A A F",
	"GET /key-persons/{id}", "L F F A F F F A A F", "L F F A F F F N N F",
	"GET /key-persons/{id}/edit", "L F F A F F F A A F", "L F F A F F F N N F",
	"POST /key-persons/{id}/edit", "L F F A f F F A A F", "L F F A f F F N N F",
	"GET /key-persons/{id}/print", "L F F A F F F A A F", "L F F A F F F N N F",
	"POST /key-persons/{id}/reveal", "L F F A f F F A A F", "L F F A f F F N N F",
	"POST /key-persons/{id}/status", "L F F A f F F A A F", "L F F A f F F N N F",
	"POST /key-persons/{id}/transfer", "L F F A f F F A A F", "L F F A f F F N N F",
	"GET /key-persons/{id}/visits/new", "L F F A F F F A A F", "L F F A F F F N N F",
	"POST /key-persons/{id}/visits", "L F F A f F F A A F", "L F F A f F F N N F",
	// the broker's HTTP auth/ACL door: without the broker's secret it does not exist
	"POST /api/v1/mqtt/auth", "N N N N f N N N N N",
	"POST /api/v1/mqtt/acl", "N N N N f N N N N N",
	"GET /api/v1/schools/{id}/posture", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /api/v1/schools/{id}/posture/history", "L A A A A A N A A A", "L A A A A N A N N N",
	"PUT /api/v1/schools/{id}/posture", "L A A F f A N F F A", "L A A F f N A N N N",
	// 预警推送: senders are bureaus and police units; only the receiving school signs and replies
	"GET /api/v1/warnings", "L A A A A A A A A A",
	"GET /api/v1/warnings/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /warnings", "L A A A A A A A A A",
	"GET /warnings/new", "L F A A F A A A A F",
	"GET /warnings/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"POST /api/v1/warnings", "L F A A f A A A A F",
	"POST /api/v1/warnings/{id}/read", "L F F F f F N F F A", "L F F F f N F N N N",
	"POST /api/v1/warnings/{id}/reply", "L F F F f F N F F A", "L F F F f N F N N N",
	"POST /warnings", "L F A A f A A A A F",
	"POST /warnings/{id}/read", "L F F F f F N F F A", "L F F F f N F N N N",
	"POST /warnings/{id}/reply", "L F F F f F N F F A", "L F F F f N F N N N",
	// the student safety zone: everyone signed in reads their scope, only police write; an
	// {id} here is a venue or violation that does not exist (scope is tested in VenueFlowTests)
	"GET /venues", "L A A A A A A A A A",
	"GET /venues/new", "L A A A A A A A A A",
	"GET /venues/{id}", "L N N N N N N N N N",
	"POST /venues", "L F F A f F F A A F",
	"POST /venues/{id}", "L N N N f N N N N N",
	"POST /venues/{id}/recheck", "L F F N f F F N N F",
	"GET /venue-violations", "L A A A A A A A A A",
	"GET /venue-violations/ledger.xlsx", "L A A A A A A A A A",
	"POST /venue-violations/{id}/moves", "L F F N f F F N N F",
	"GET /api/v1/venues", "L A A A A A A A A A",
	"GET /api/v1/venues/rules", "L A A A A A A A A A",
	"GET /api/v1/venues/{id}", "L N N N N N N N N N",
	"POST /api/v1/venues", "L F F A f F F A A F",
	"PUT /api/v1/venues/{id}", "L F F N f F F N N F",
	"POST /api/v1/venues/{id}/recheck", "L F F N f F F N N F",
	"GET /api/v1/venue-violations", "L A A A A A A A A A",
	"GET /api/v1/venue-violations/ledger.xlsx", "L A A A A A A A A A",
	"GET /api/v1/venue-violations/{id}", "L N N N N N N N N N",
	"POST /api/v1/venue-violations/{id}/moves", "L F F N f F F N N F",
	// the command dashboard: every unit above the school, each on its own scope
	"GET /dashboard", "L A A A A A A A A F",
	"GET /dashboard/risks", "L A A A A A A A A F",
	"GET /dashboard/schools/{id}/risk", "L A A A A A N A A F", "L A A A A N A N N F",
	"GET /api/v1/dashboard", "L A A A A A A A A F",
	"GET /api/v1/dashboard/risks", "L A A A A A A A A F",
	"GET /api/v1/dashboard/risks/{id}", "L A A A A A N A A F", "L A A A A N A N N F",
	// 护学岗: everyone reads posts and bells in scope; police write posts, rosters, check-ins and
	// police links and alone see officers and gaps; schools keep their bells and see no coverage
	// figures; an {id} of a post or check-in does not exist (scope is tested in DutyPostFlowTests)
	"GET /duty-posts", "L A A A A A A A A A",
	"POST /duty-posts", "L F F A f F F A A F",
	"GET /duty-posts/{id}", "L N N N N N N N N N",
	"POST /duty-posts/{id}/roster", "L F F N f F F N N F",
	"GET /duty-posts/check-in", "L F F A F F F A A F",
	"GET /duty-posts/{id}/check-in", "L F F N F F F N N F",
	"POST /duty-posts/{id}/check-in", "L F F N f F F N N F",
	"POST /duty-posts/check-ins/{id}/check-out", "L F F N f F F N N F",
	"GET /duty-posts/schools/{id}/bells", "L A A A A A N A A A", "L A A A A N A N N N",
	"POST /duty-posts/schools/{id}/bells", "L F F A f F N A A A", "L F F A f N F N N N",
	"GET /duty-posts/coverage", "L A A A A A A A A F",
	"GET /duty-posts/coverage/peaks", "L A A A A A A A A F",
	"GET /duty-posts/coverage.xlsx", "L A A A A A A A A F",
	"GET /duty-posts/gaps", "L F F A F F F A A F",
	"GET /duty-posts/roster", "L F F A F F F A A F",
	"GET /duty-posts/liaisons", "L A A A A A A A A F",
	"GET /duty-posts/liaisons/schools", "L A A A A A A A A F",
	"GET /duty-posts/schools/{id}/liaison", "L A A A A A N A A A", "L A A A A N A N N N",
	"POST /duty-posts/schools/{id}/liaison", "L F F A f F F A A F", "L F F A f F F N N F",
	"GET /api/v1/duty-posts", "L A A A A A A A A A",
	"POST /api/v1/duty-posts", "L F F A f F F A A F",
	"GET /api/v1/duty-posts/{id}", "L N N N N N N N N N",
	"GET /api/v1/duty-posts/{id}/rosters", "L F F N F F F N N F",
	"POST /api/v1/duty-posts/{id}/rosters", "L F F N f F F N N F",
	"GET /api/v1/duty-posts/{id}/check-ins", "L F F N F F F N N F",
	"POST /api/v1/duty-posts/{id}/check-ins", "L F F N f F F N N F",
	"POST /api/v1/duty-posts/check-ins/{id}/check-out", "L F F N f F F N N F",
	"GET /api/v1/duty-posts/schools/{id}/bells", "L A A A A A N A A A", "L A A A A N A N N N",
	"PUT /api/v1/duty-posts/schools/{id}/bells", "L F F A f F N A A A", "L F F A f N F N N N",
	"GET /api/v1/duty-posts/coverage", "L A A A A A A A A F",
	"GET /api/v1/duty-posts/gaps", "L F F A F F F A A F",
	"GET /api/v1/duty-posts/rosters", "L F F A F F F A A F",
	"GET /api/v1/duty-posts/on-duty", "L F F A F F F A A F",
	"GET /api/v1/duty-posts/liaisons", "L A A A A A A A A F",
	"GET /api/v1/duty-posts/liaisons/schools", "L A A A A A A A A F",
	"GET /api/v1/duty-posts/schools/{id}/liaison", "L A A A A A N A A A", "L A A A A N A N N N",
	"PUT /api/v1/duty-posts/schools/{id}/liaison", "L F F A f F F A A F", "L F F A f F F N N F",
	// 涉校案事件: police report and handle, education bureaus and the inspector read, schools and
	// the administrator are refused; an {id} here is an incident that does not exist (scope
	// is tested in IncidentFlowTests)
	"GET /incidents", "L F A A A A A A A F",
	"GET /incidents/new", "L F F A F F F A A F",
	"POST /incidents", "L F F A f F F A A F",
	"GET /incidents/export.xlsx", "L F A A A A A A A F",
	"GET /incidents/statistics", "L F A A A A A A A F",
	"GET /incidents/statistics.xlsx", "L F A A A A A A A F",
	"GET /incidents/{id}", "L F N N N N N N N F",
	"POST /incidents/{id}/follow-ups", "L F F N f F F N N F",
	"POST /incidents/{id}/final-report", "L F F N f F F N N F",
	"POST /incidents/{id}/actions", "L F F N f F F N N F",
	"POST /incidents/{id}/key-persons", "L F F N f F F N N F",
	"GET /api/v1/incidents", "L F A A A A A A A F",
	"GET /api/v1/incidents/statistics", "L F A A A A A A A F",
	"GET /api/v1/incidents/{id}", "L F N N N N N N N F",
	"POST /api/v1/incidents", "L F F A f F F A A F",
	"POST /api/v1/incidents/{id}/follow-ups", "L F F N f F F N N F",
	"POST /api/v1/incidents/{id}/final-report", "L F F N f F F N N F",
	"POST /api/v1/incidents/{id}/actions", "L F F N f F F N N F",
	"POST /api/v1/incidents/{id}/key-persons", "L F F N f F F N N F",
	// 应急演练: everyone signed in reads their scope; the school's lead and the education
	// bureaus record (police, the administrator and the 督导员 do not)
	"GET /drills", "L A A A A A A A A A",
	"GET /drills/export.xlsx", "L A A A A A A A A A",
	"GET /drills/annex", "L A A A A A A A A A",
	"GET /drills/schools/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /drills/new", "L F A F F A A F F A",
	"POST /drills", "L F A F f A A F F A",
	"GET /drills/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"POST /drills/{id}/hold", "L F A F f A N F F A", "L F A F f N A F F N",
	"POST /drills/{id}/photos", "L F A F f A N F F A", "L F A F f N A F F N",
	"GET /drills/{id}/photos/{photoId}", "L N N N N N N N N N", "L N N N N N N N N N",
	"POST /drills/{id}/hazard", "L F A F f A N F F A", "L F A F f N A F F N",
	"GET /drills/sessions/new", "L F A F F A A F F A",
	"POST /drills/sessions", "L F A F f A A F F A",
	"GET /drills/activities/new", "L F A F F A A F F A",
	"POST /drills/activities", "L F A F f A A F F A",
	"GET /api/v1/drills", "L A A A A A A A A A",
	"POST /api/v1/drills", "L F A F f A A F F A",
	"GET /api/v1/drills/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"POST /api/v1/drills/{id}/hold", "L F A F f A N F F A", "L F A F f N A F F N",
	"POST /api/v1/drills/{id}/hazard", "L F A F f A N F F A", "L F A F f N A F F N",
	"GET /api/v1/drills/status", "L A A A A A A A A A",
	"GET /api/v1/drills/annex", "L A A A A A A A A A",
	"GET /api/v1/drills/sessions", "L A A A A A A A A A",
	"POST /api/v1/drills/sessions", "L F A F f A A F F A",
	"GET /api/v1/drills/activities", "L A A A A A A A A A",
	"POST /api/v1/drills/activities", "L F A F f A A F F A",
	// 填报: {id} is the demo half-monthly report 常州市教育局 asks of the counties (police and
	// schools do not see it); submissions and notices here do not exist (scope: ReportFlowTests)
	"GET /reports", "L A A A A A A A A A",
	"GET /reports/todo", "L A A A A A A A A A",
	"GET /reports/late", "L A A A A A A A A A",
	"GET /reports/new", "L F A A F A A A F F",
	"POST /reports", "L F A A f A A A F F",
	"GET /reports/{id}", "L A A N A A A N N N",
	"POST /reports/{id}/open", "L F F N f A A N N N",
	"POST /reports/{id}/notices", "L F A N f F F N N N",
	"GET /reports/{id}/summary.xlsx", "L F A N A F F N N N",
	"GET /reports/{id}/summary.pdf", "L F A N A F F N N N",
	"GET /reports/submissions/{id}", "L N N N N N N N N N",
	"POST /reports/submissions/{id}", "L N N N f N N N N N",
	"POST /reports/submissions/{id}/reopen", "L N N N f N N N N N",
	"GET /reports/notices/{id}", "L N N N N N N N N N",
	"GET /reports/notices/{id}/notice.pdf", "L N N N N N N N N N",
	"GET /api/v1/reports", "L A A A A A A A A A",
	"POST /api/v1/reports", "L F A A f A A A F F",
	"GET /api/v1/reports/{id}", "L A A N A A A N N N",
	"GET /api/v1/reports/{id}/units", "L A A N A A A N N N",
	"GET /api/v1/reports/{id}/late", "L F A N A F F N N N",
	"POST /api/v1/reports/{id}/submissions", "L F F N f A A N N N",
	"GET /api/v1/reports/{id}/notices", "L A A N A A A N N N",
	"POST /api/v1/reports/{id}/notices", "L F A N f F F N N N",
	"GET /api/v1/reports/submissions/{id}", "L N N N N N N N N N",
	"PUT /api/v1/reports/submissions/{id}", "L N N N f N N N N N",
	"POST /api/v1/reports/submissions/{id}/reopen", "L N N N f N N N N N",
	"GET /api/v1/reports/notices/{id}", "L N N N N N N N N N",
	// rollout at city scale (issue 15 §5): accounts in bulk and from Excel, one-time passwords, the unit tree and
	// picker, the audit export; all for system administrators only ({id} of a bulk run is a UUID: a user id is 400)
	"GET /admin/users/bulk", "L A F F F F F F F F",
	"POST /admin/users/bulk", "L A F F F F F F F F",
	"GET /admin/users/bulk/{id}", "L A F F F F F F F F",
	"GET /admin/users/bulk/{id}/passwords.xlsx", "L A F F F F F F F F",
	"GET /admin/users/import/template", "L A F F F F F F F F",
	"POST /admin/users/import", "L A F F F F F F F F",
	"POST /admin/users/{id}/one-time-password", "L A F F F F F F F F",
	"GET /admin/units/options", "L A F F F F F F F F",
	"POST /admin/organisations/{id}/move", "L A F F F F F F F F",
	"POST /admin/organisations/{id}/enabled", "L A F F F F F F F F",
	"GET /admin/audit/export.xlsx", "L A F F F F F F F F",
	// review at working speed (issue 15 §4): batch acceptance of the forms without failing items, by reviewers
	"POST /inspections/campaigns/{id}/accept-clean", "L A A A f A A A F F",
	// 学生求助: the public page is open to everyone (its forms still need the CSRF token); the handlers' pages
	// need a school, bureau or police account, police only see tips that went to the police (both test tips did)
	"GET /help/claim", "A A A A A A A A A A",
	"GET /help/{id}", "A A A A A A A A A A", "A A A A A A A A A A",
	"GET /help/{id}/qr.png", "A A A A A A A A A A", "A A A A A A A A A A",
	"POST /help/claim", "A A A A f A A A A A",
	"POST /help/claim/leave", "A A A A f A A A A A",
	"POST /help/claim/messages", "A A A A f A A A A A",
	"POST /help/claim/photos", "A A A A f A A A A A",
	"POST /help/{id}", "A A A A f A A A A A", "A A A A f A A A A A",
	"GET /tips", "L F A A F A A A A A",
	"GET /tips/committee", "L F A F F A A F F A",
	"GET /tips/poster", "L F A A F A A A A A",
	"GET /tips/{id}", "L F A A F A N A A A", "L F A A F N A N N N",
	"GET /tips/{id}/attachments/{photoId}", "L F N N F N N N N N", "L F N N F N N N N N",
	"POST /tips/committee", "L F F F f F F F F A",
	"POST /tips/committee/remove", "L F F F f F F F F A",
	"POST /tips/{id}/close", "L F A A f A N A A A", "L F A A f N A N N N",
	"POST /tips/{id}/notes", "L F A A f A N A A A", "L F A A f N A N N N",
	"POST /tips/{id}/refer", "L F A A f A N A A A", "L F A A f N A N N N",
	"POST /tips/{id}/reply", "L F A A f A N A A A", "L F A A f N A N N N",
	"GET /api/v1/tips", "L F A A F A A A A A",
	"GET /api/v1/tips/{id}", "L F A A F A N A A A", "L F A A F N A N N N",
	"POST /api/v1/tips/{id}/close", "L F A A f A N A A A", "L F A A f N A N N N",
	"POST /api/v1/tips/{id}/reply", "L F A A f A N A A A", "L F A A f N A N N N",
	// warning files (the file id does not exist: 404 for those who may download, 403 for those who only see the
	// warning) and the unread list
	"GET /api/v1/warnings/{id}/attachments/{fileId}", "L N N F N N N F F N", "L N N F N N N N N N",
	"GET /api/v1/warnings/{id}/unread", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /warnings/{id}/attachments/{fileId}", "L N N F N N N F F N", "L N N F N N N N N N",
	"GET /warnings/{id}/unread", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /warnings/{id}/unread.xlsx", "L A A A A A N A A A", "L A A A A N A N N N",
	"POST /warnings/{id}/attachments", "L F A F f A N F F F", "L F A F f N A N N N",
	// 门岗登记 (issue 13 §1): the school's own account works the gate; bureaus and police read
	// their schools' figures; gate alerts are police only; {id} here is a visit, card or alert
	// that does not exist (scope is tested in GateFlowTests)
	"GET /visits", "L A A A A A A A A A",
	"POST /visits", "L F F F f F F F F A",
	"POST /visits/{id}/check-out", "L F F F f F F F F N",
	"GET /visits/pre-register", "L F F F F F F F F A",
	"POST /visits/pre-register", "L F F F f F F F F A",
	"GET /visits/bans", "L F F F F F F F F A",
	"POST /visits/bans", "L F F F f F F F F A",
	"GET /visits/alerts", "L F F A F F F A A F",
	"GET /visits/pickup-cards", "L F F F F F F F F A",
	"POST /visits/pickup-cards", "L F F F f F F F F A",
	"POST /visits/pickup-cards/check", "L F F F f F F F F A",
	"GET /api/v1/visits", "L A A A A A A A A A",
	"POST /api/v1/visits", "L F F F f F F F F A",
	"POST /api/v1/visits/pre-registrations", "L F F F f F F F F A",
	"GET /api/v1/visits/{id}", "L N N N N N N N N N",
	"POST /api/v1/visits/{id}/check-out", "L F F F f F F F F N",
	"GET /api/v1/visits/alerts", "L F F A F F F A A F",
	"GET /key-persons/gate-alerts/{id}", "L F F N F F F N N F",
	// 巡更 (issue 13 §2): the school keeps points, plan and roster and scans; everyone reads
	// the status of their scope; a {code} (QR token) or {id} here does not exist (see PatrolFlowTests)
	"GET /patrols", "L A A A A A A A A A",
	"GET /patrols/points", "L F F F F F F F F A",
	"POST /patrols/points", "L F F F f F F F F A",
	"POST /patrols/plan", "L F F F f F F F F A",
	"GET /patrols/points/print", "L F F F F F F F F A",
	"GET /patrols/points/{id}/qr.png", "L N N N N N N N N N",
	"GET /patrols/scan/{code}", "L N N N N N N N N N",
	"POST /patrols/scan/{code}", "L N N N f N N N N N",
	"GET /patrols/duty", "L F F F F F F F F A",
	"POST /patrols/duty", "L F F F f F F F F A",
	"GET /api/v1/patrols", "L A A A A A A A A A",
	"POST /api/v1/patrols/scans", "L N N N f N N N N N",
	// 矛盾纠纷: police, education bureaus and schools register and handle in their scope, the
	// inspector reads; an {id} here does not exist (scope is tested in DisputeFlowTests)
	"GET /disputes", "L F A A A A A A A A",
	"GET /disputes/new", "L F A A F A A A A A",
	"POST /disputes", "L F A A f A A A A A",
	"GET /disputes/export.xlsx", "L F A A A A A A A A",
	"GET /disputes/{id}", "L F N N N N N N N N",
	"POST /disputes/{id}/escalate", "L F N N f N N N N N",
	"POST /disputes/{id}/resolve", "L F N N f N N N N N",
	"GET /api/v1/disputes", "L F A A A A A A A A",
	"GET /api/v1/disputes/counts", "L F A A A A A A A A",
	"GET /api/v1/disputes/{id}", "L F N N N N N N N N",
	"POST /api/v1/disputes", "L F A A f A A A A A",
	"POST /api/v1/disputes/{id}/escalate", "L F N N f N N N N N",
	"POST /api/v1/disputes/{id}/resolve", "L F N N f N N N N N",
	// 校车: everyone signed in reads their scope; the school's lead and the education bureaus register
	"GET /school-buses", "L A A A A A A A A A",
	"GET /school-buses/export.xlsx", "L A A A A A A A A A",
	"GET /school-buses/schools/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /school-buses/new", "L F A F F A A F F A",
	"POST /school-buses", "L F A F f A A F F A",
	"GET /school-buses/drivers/new", "L F A F F A A F F A",
	"POST /school-buses/drivers", "L F A F f A A F F A",
	"GET /school-buses/routes/new", "L F A F F A A F F A",
	"POST /school-buses/routes", "L F A F f A A F F A",
	"GET /api/v1/school-buses", "L A A A A A A A A A",
	"POST /api/v1/school-buses", "L F A F f A A F F A",
	"GET /api/v1/school-buses/drivers", "L A A A A A A A A A",
	"POST /api/v1/school-buses/drivers", "L F A F f A A F F A",
	"GET /api/v1/school-buses/routes", "L A A A A A A A A A",
	"POST /api/v1/school-buses/routes", "L F A F f A A F F A",
	"GET /api/v1/school-buses/expiries", "L A A A A A A A A A",
	"GET /api/v1/school-buses/annex", "L A A A A A A A A A",
	// 应急预案与事故: everyone signed in reads their scope; the school's lead and the education bureaus file
	"GET /emergency", "L A A A A A A A A A",
	"GET /emergency/accidents", "L A A A A A A A A A",
	"GET /emergency/schools/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"GET /emergency/plans/new", "L F A F F A A F F A",
	"POST /emergency/plans", "L F A F f A A F F A",
	"GET /emergency/accidents/new", "L F A F F A A F F A",
	"POST /emergency/accidents", "L F A F f A A F F A",
	"GET /api/v1/emergency-plans", "L A A A A A A A A A",
	"POST /api/v1/emergency-plans", "L F A F f A A F F A",
	"GET /api/v1/accidents", "L A A A A A A A A A",
	"POST /api/v1/accidents", "L F A F f A A F F A",
	"GET /console/on-site", "L F F A F F F A A F",
	"POST /console/on-site/{id}/arrive", "L F F A F F F A A F", "L F F A F F F N N F",
	// 事故续报: read like the school's accidents; the school's lead and the education bureaus append
	"GET /emergency/accidents/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"POST /emergency/accidents/{id}/follow-ups", "L F A F f A N F F A", "L F A F f N A F F N",
	"GET /api/v1/accidents/{id}", "L A A A A A N A A A", "L A A A A N A N N N",
	"POST /api/v1/accidents/{id}/follow-ups", "L F A F f A N F F A", "L F A F f N A F F N",
	// one-key alarms at venues near schools (护校联防): registered by police only
	"GET /devices/venue/new", "L F F A F F F A A F",
	"POST /devices/venue/new", "L F F A f F F A A F",
	"POST /api/v1/devices/venue", "L F F A f F F A A F",
	// 督导问责: everyone signed in reads their scope; groups are kept by their own unit (not the platform's),
	// visits, 通报 and accountability by the city and county bureaus (education and police); the 督导员 only reads
	"GET /supervision", "L A A A A A A A A A",
	"POST /supervision/groups", "L F A A f A A A A A",
	"GET /supervision/groups/{id}", "L N N N N N N N N N",
	"POST /supervision/groups/{id}/members", "L N N N f N N N N N",
	"POST /supervision/groups/{id}/leave", "L N N N f N N N N N",
	"GET /supervision/visits", "L A A A A A A A A A",
	"GET /supervision/visits.xlsx", "L A A A A A A A A A",
	"GET /supervision/visits/new", "L F A A F A A A F F",
	"POST /supervision/visits", "L F A A f A A A F F",
	"GET /supervision/visits/{id}", "L N N N N N N N N N",
	"POST /supervision/visits/{id}/findings", "L N N N f N N N N N",
	"POST /supervision/visits/{id}/hazard", "L N N N f N N N N N",
	"GET /supervision/notices", "L A A A A A A A A A",
	"GET /supervision/notices/new", "L F A A F A A A F F",
	"POST /supervision/notices", "L F A A f A A A F F",
	"GET /supervision/notices/{id}", "L N N N N N N N N N",
	"GET /supervision/notices/{id}/document.pdf", "L N N N N N N N N N",
	"POST /supervision/notices/{id}/receipt", "L N N N f N N N N N",
	"GET /supervision/accountability", "L A A A A A A A A A",
	"GET /supervision/accountability.xlsx", "L A A A A A A A A A",
	"GET /supervision/accountability/new", "L F A A F A A A F F",
	"POST /supervision/accountability", "L F A A f A A A F F",
	"GET /api/v1/supervision/groups", "L A A A A A A A A A",
	"POST /api/v1/supervision/groups", "L F A A f A A A A A",
	"GET /api/v1/supervision/groups/{id}", "L N N N N N N N N N",
	"POST /api/v1/supervision/groups/{id}/members", "L N N N f N N N N N",
	"GET /api/v1/supervision/visits", "L A A A A A A A A A",
	"POST /api/v1/supervision/visits", "L F A A f A A A F F",
	"GET /api/v1/supervision/visits/{id}", "L N N N N N N N N N",
	"POST /api/v1/supervision/visits/{id}/findings", "L N N N f N N N N N",
	"POST /api/v1/supervision/visits/{id}/hazards", "L N N N f N N N N N",
	"GET /api/v1/supervision/notices", "L A A A A A A A A A",
	"POST /api/v1/supervision/notices", "L F A A f A A A F F",
	"GET /api/v1/supervision/notices/{id}", "L N N N N N N N N N",
	"POST /api/v1/supervision/notices/{id}/receipt", "L N N N f N N N N N",
	"GET /api/v1/supervision/accountability", "L A A A A A A A A A",
	"POST /api/v1/supervision/accountability", "L F A A f A A A F F",
	// 无证办学: education bureaus and police read and work their scope, the inspector reads; schools and the
	// administrator are refused; {id} is a demo case of 青龙派出所 (天宁区) against a 武进区 one
	"GET /unlicensed-institutions", "L F A A A A A A A F",
	"GET /unlicensed-institutions/new", "L F A A F A A A A F",
	"POST /unlicensed-institutions", "L F A A f A A A A F",
	"GET /unlicensed-institutions/export.xlsx", "L F A A A A A A A F",
	"GET /unlicensed-institutions/{id}", "L F A A A A N A A F", "L F A A A N A N N F",
	"POST /unlicensed-institutions/{id}/license", "L F A A f A N A A F", "L F A A f N A N N F",
	"POST /unlicensed-institutions/{id}/ban", "L F A A f A N A A F", "L F A A f N A N N F",
	"POST /unlicensed-institutions/{id}/recheck", "L F A A f A N A A F", "L F A A f N A N N F",
	"GET /api/v1/unlicensed-institutions", "L F A A A A A A A F",
	"POST /api/v1/unlicensed-institutions", "L F A A f A A A A F",
	"GET /api/v1/unlicensed-institutions/{id}", "L F A A A A N A A F", "L F A A A N A N N F",
	"GET /api/v1/unlicensed-institutions/{id}/steps", "L F A A A A N A A F", "L F A A A N A N N F",
	"POST /api/v1/unlicensed-institutions/{id}/license", "L F A A f A N A A F", "L F A A f N A N N F",
	"POST /api/v1/unlicensed-institutions/{id}/ban", "L F A A f A N A A F", "L F A A f N A N N F",
	"POST /api/v1/unlicensed-institutions/{id}/recheck", "L F A A f A N A A F", "L F A A f N A N N F",
	// 治安乱点: police only at every layer (the Annex items it fills are sensitive); {id} is a demo hotspot of
	// 青龙派出所 still being rectified (scope is tested in HotspotFlowTests)
	"GET /hotspots", "L F F A F F F A A F",
	"GET /hotspots/new", "L F F A F F F A A F",
	"GET /hotspots/export.xlsx", "L F F A F F F A A F",
	"POST /hotspots", "L F F A f F F A A F",
	"GET /hotspots/{id}", "L F F A F F F A A F",
	"POST /hotspots/{id}/steps", "L F F A f F F A A F",
	"GET /api/v1/hotspots", "L F F A F F F A A F",
	"POST /api/v1/hotspots", "L F F A f F F A A F",
	"GET /api/v1/hotspots/{id}", "L F F A F F F A A F",
	"GET /api/v1/hotspots/{id}/steps", "L F F A F F F A A F",
	"POST /api/v1/hotspots/{id}/steps", "L F F A f F F A A F"
	// @formatter:on
	);

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String PW = DemoUsers.PASSWORD;

	private static final Set<Integer> ALLOWED = Set.of(200, 201, 202, 204, 302, 303, 400, 409, 412, 415, 428);

	private static final Set<String> SCOPED = Set.of("school", "hazard", "inspection", "device", "alarm", "keyperson",
			"warning", "drill", "tip", "accident", "unlicensed");

	/** Which object an {@code {id}} stands for, by the start of the path. */
	private static final List<String[]> KINDS = List.of(new String[] { "/api/v1/compliance/schools/", "school" },
			new String[] { "/dashboard/schools/", "school" }, new String[] { "/api/v1/dashboard/risks/", "school" },
			new String[] { "/api/v1/schools/", "school" }, new String[] { "/schools/", "school" },
			new String[] { "/api/v1/hazards/", "hazard" }, new String[] { "/hazards/", "hazard" },
			new String[] { "/api/v1/inspection-campaigns/", "campaign" },
			new String[] { "/inspections/campaigns/", "campaign" },
			new String[] { "/api/v1/inspections/", "inspection" }, new String[] { "/inspections/", "inspection" },
			new String[] { "/api/v1/devices/", "device" }, new String[] { "/devices/", "device" },
			new String[] { "/api/v1/alarms/", "alarm" }, new String[] { "/console/alarms/", "alarm" },
			new String[] { "/console/on-site/", "alarm" }, new String[] { "/admin/users/", "user" },
			new String[] { "/admin/organisations/", "organisation" }, new String[] { "/admin/webhooks/", "webhook" },
			new String[] { "/api/v1/webhooks/", "webhook" }, new String[] { "/compliance/evaluations/", "evaluation" },
			new String[] { "/api/v1/warnings/", "warning" }, new String[] { "/warnings/", "warning" },
			new String[] { "/api/v1/key-persons/", "keyperson" },
			new String[] { "/key-persons/gate-alerts/", "missing" }, new String[] { "/key-persons/", "keyperson" },
			new String[] { "/api/v1/visits/", "missing" }, new String[] { "/visits/", "missing" },
			new String[] { "/patrols/points/", "missing" }, new String[] { "/api/v1/venues/", "missing" },
			new String[] { "/venues/", "missing" }, new String[] { "/api/v1/venue-violations/", "missing" },
			new String[] { "/venue-violations/", "missing" }, new String[] { "/api/v1/duty-posts/schools/", "school" },
			new String[] { "/duty-posts/schools/", "school" }, new String[] { "/api/v1/duty-posts/", "missing" },
			new String[] { "/duty-posts/", "missing" }, new String[] { "/api/v1/incidents/", "missing" },
			new String[] { "/incidents/", "missing" }, new String[] { "/drills/schools/", "school" },
			new String[] { "/api/v1/drills/", "drill" }, new String[] { "/drills/", "drill" },
			new String[] { "/api/v1/reports/submissions/", "missing" },
			new String[] { "/api/v1/reports/notices/", "missing" }, new String[] { "/reports/submissions/", "missing" },
			new String[] { "/reports/notices/", "missing" }, new String[] { "/api/v1/reports/", "report" },
			new String[] { "/reports/", "report" }, new String[] { "/help/", "school" },
			new String[] { "/api/v1/tips/", "tip" }, new String[] { "/tips/", "tip" },
			new String[] { "/api/v1/disputes/", "missing" }, new String[] { "/disputes/", "missing" },
			new String[] { "/school-buses/schools/", "school" }, new String[] { "/emergency/schools/", "school" },
			new String[] { "/emergency/accidents/", "accident" }, new String[] { "/api/v1/accidents/", "accident" },
			new String[] { "/api/v1/supervision/", "missing" }, new String[] { "/supervision/", "missing" },
			new String[] { "/api/v1/unlicensed-institutions/", "unlicensed" },
			new String[] { "/unlicensed-institutions/", "unlicensed" }, new String[] { "/api/v1/hotspots/", "hotspot" },
			new String[] { "/hotspots/", "hotspot" });

	/** A dummy form: a stale version and values each handler refuses or ignores. */
	private static final Map<String, String> DUMMY_FORM = Map.of("version", "-1", "percent", "0", "passed", "false",
			"enabled", "false", "item", "__none__", "action", "draft", "guardName", "x", "guardBirthDate", "bad");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	/** Object ids by kind: in scope, out of scope. */
	private final Map<String, String[]> objects = new LinkedHashMap<>();

	private final Map<String, WebSession> sessions = new LinkedHashMap<>();

	/**
	 * One client per role for the API (HTTP Basic, no cookies), reusing its connections.
	 */
	private final Map<String, WebSession> apiClients = new java.util.concurrent.ConcurrentHashMap<>();

	@BeforeAll
	void objectsInAndOutOfScope() {
		// BCrypt cost 4 for the demo accounts' (unchanged) password: the API checks it on
		// every call and the matrix makes hundreds of them
		jdbc.sql("update user_account set password_hash = :hash where username in (:names)")
			.param("hash", new BCryptPasswordEncoder(4).encode(PW))
			.param("names", ROLES.subList(1, ROLES.size()))
			.update();
		String in = find(api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, null).body(), "\"id\":(\\d+)");
		String inCode = find(api("GET", "/api/v1/schools", DemoUsers.SCHOOL_LEAD, null).body(), "\"code\":\"(\\d+)\"");
		Page wujin = api("GET", "/api/v1/schools?size=1", DemoUsers.OTHER_COUNTY_EDUCATION, null);
		String out = find(wujin.body(), "\"id\":(\\d+)");
		String outCode = find(wujin.body(), "\"code\":\"(\\d+)\"");
		objects.put("school", new String[] { in, out });
		objects.put("hazard",
				new String[] { hazard(DemoUsers.COUNTY_EDUCATION, in), hazard(DemoUsers.OTHER_COUNTY_EDUCATION, out) });
		// the demo city's campaign, which has forms in both counties (other tests add
		// campaigns of one county)
		String campaign = find(api("GET", "/api/v1/inspection-campaigns?size=100", DemoUsers.SCHOOL_LEAD, null).body(),
				"\"id\":(\\d+),[^{}]*秋季学校及周边安全排查整改");
		objects.put("campaign", new String[] { campaign, campaign });
		String inspections = "/api/v1/inspection-campaigns/" + campaign + "/inspections";
		objects.put("inspection",
				new String[] { find(api("GET", inspections, DemoUsers.SCHOOL_LEAD, null).body(), "\"id\":(\\d+)"),
						find(api("GET", inspections + "?size=1", DemoUsers.OTHER_COUNTY_EDUCATION, null).body(),
								"\"id\":(\\d+)") });
		String[] deviceIn = device(DemoUsers.COUNTY_EDUCATION, "320402", inCode);
		String[] deviceOut = device(DemoUsers.OTHER_COUNTY_EDUCATION, "320412", outCode);
		objects.put("device", new String[] { deviceIn[0], deviceOut[0] });
		objects.put("deviceCode", new String[] { deviceIn[1], deviceOut[1] });
		objects.put("alarm", new String[] { alarm(deviceIn), alarm(deviceOut) });
		String lead = jdbc.sql("select id from user_account where username = 'school.lead'")
			.query(String.class)
			.single();
		String unit = jdbc.sql("select organisation_id from user_account where username = 'school.lead'")
			.query(String.class)
			.single();
		objects.put("user", new String[] { lead, lead });
		objects.put("organisation", new String[] { unit, unit });
		// the demo 天宁区 warning; a 武进区 one for out of scope
		objects.put("warning", new String[] {
				find(api("GET", "/api/v1/warnings", DemoUsers.SCHOOL_LEAD, null).body(), "\"id\":(\\d+),[^{}]*寒潮降温天气"),
				warning(DemoUsers.OTHER_COUNTY_EDUCATION) });
		// a drill held at the demo lead's school and one at a 武进区 school
		objects.put("drill",
				new String[] { drill(DemoUsers.SCHOOL_LEAD, in), drill(DemoUsers.OTHER_COUNTY_EDUCATION, out) });
		objects.put("webhook", new String[] { "999999999", "999999999" });
		// a key person of 青龙派出所 (in everyone's police scope) and one of a 武进区 station
		objects.put("keyperson", new String[] { jdbc.sql("""
				select k.id from key_person k join user_account u on u.organisation_id = k.station_id
				where u.username = 'qinglong.police' order by k.id limit 1""").query(String.class).single(),
				jdbc.sql("""
						select k.id from key_person k join organisation o on o.id = k.station_id
						where o.region_code = '320412' order by k.id limit 1""").query(String.class).single() });
		objects.put("evaluation", new String[] { "999999999", "999999999" });
		objects.put("missing", new String[] { "999999999", "999999999" });
		// a tip that went to the police at the demo school lead's school, and one at a
		// 武进区 school
		objects.put("tip", new String[] { tip(in), tip(out) });
		// the demo half-monthly report of 常州市教育局
		String report = find(api("GET", "/api/v1/reports", DemoUsers.CITY_EDUCATION, null).body(),
				"\"id\":(\\d+),\"title\":\"校园安全整治工作进展情况（半月报）\"");
		objects.put("report", new String[] { report, report });
		// an accident at the demo lead's school and one at a 武进区 school
		objects.put("accident",
				new String[] { accident(DemoUsers.SCHOOL_LEAD, in), accident(DemoUsers.OTHER_COUNTY_EDUCATION, out) });
		String hotspot = jdbc.sql("""
				select h.id from hotspot h join user_account a on a.organisation_id = h.station_id
				where a.username = 'qinglong.police' and h.status = 'OPEN' order by h.id limit 1""")
			.query(String.class)
			.single();
		objects.put("hotspot", new String[] { hotspot, hotspot });
		// a demo 无证办学 case of 青龙派出所 still within its deadline, and a 武进区 one
		objects.put("unlicensed", new String[] { jdbc.sql("""
				select u.id from unlicensed_institution u join user_account a on a.organisation_id = u.police_station_id
				where a.username = 'qinglong.police' and u.status = 'PENDING' order by u.id limit 1""")
			.query(String.class)
			.single(),
				jdbc.sql("select min(id) from unlicensed_institution where region_code = '320412'")
					.query(String.class)
					.single() });
		for (String role : ROLES) {
			WebSession session = role.equals(ANONYMOUS) ? new WebSession(port) : WebSession.signedIn(port, role, PW);
			session.get(role.equals(ANONYMOUS) ? "/login" : "/account/password");
			sessions.put(role, session);
		}
	}

	@Test
	void everyEndpointAnswersEveryRoleAsDeclared() throws Exception {
		long started = System.nanoTime();
		Set<String> endpoints = endpoints();
		List<Call> calls = new ArrayList<>();
		for (String endpoint : endpoints) {
			String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
			String kind = kindOf(pattern);
			boolean scoped = kind != null && SCOPED.contains(kind) || pattern.contains("{deviceCode}");
			for (int scope = 0; scope < (scoped ? 2 : 1); scope++) {
				calls.add(new Call(endpoint, endpoint.substring(0, endpoint.indexOf(' ')), fill(pattern, kind, scope),
						scope, scoped));
			}
		}
		// one thread per role (each with its own session), a few at a time
		Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
		List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<?>> roles = new ArrayList<>();
			for (String role : ROLES) {
				roles.add(pool.submit(() -> {
					for (Call call : calls) {
						Page answer = send(role, call.method(), call.path());
						if (answer.status() >= 500) {
							problems
								.add("%s %s as %s: %d".formatted(call.method(), call.path(), role, answer.status()));
						}
						answers.put(call.endpoint() + "|" + call.scope() + "|" + role,
								code(role, call.path(), answer) + "|" + answer.status());
					}
				}));
			}
			for (java.util.concurrent.Future<?> role : roles) {
				role.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		Map<String, String[]> observed = new TreeMap<>();
		for (Call call : calls) {
			String[] declared = EXPECTED.get(call.endpoint());
			List<String> codes = new ArrayList<>();
			for (int column = 0; column < ROLES.size(); column++) {
				String role = ROLES.get(column);
				String[] answer = answers.get(call.endpoint() + "|" + call.scope() + "|" + role).split("\\|");
				codes.add(answer[0]);
				if (declared != null && declared.length > call.scope()) {
					String expected = declared[call.scope()].split(" ")[column];
					boolean pending = expected.equals("f") && !INSPECTOR_READ_ONLY_RULE_LANDED;
					String wanted = expected.equals("f") ? "F" : expected;
					if (!pending && !wanted.equals(answer[0])) {
						problems.add("%s %s as %s (%s): expected %s, was %s (%s)".formatted(call.method(), call.path(),
								role, call.scope() == 0 ? "in scope" : "out of scope", wanted, answer[0], answer[1]));
					}
				}
			}
			observed.computeIfAbsent(call.endpoint(), e -> new String[call.scoped() ? 2 : 1])[call.scope()] = String
				.join(" ", codes);
		}
		int requests = calls.size() * ROLES.size();
		long seconds = (System.nanoTime() - started) / 1_000_000_000;
		writeObserved(observed, requests, seconds);
		List<String> undeclared = endpoints.stream().filter(e -> !EXPECTED.containsKey(e)).toList();
		List<String> gone = EXPECTED.keySet().stream().filter(e -> !endpoints.contains(e)).toList();
		assertThat(undeclared)
			.as("endpoints without an expectation: declare who may call them in AuthorizationMatrixTests.EXPECTED "
					+ "(observed answers in target/authorization-matrix.txt)")
			.isEmpty();
		assertThat(gone).as("rows for endpoints that no longer exist").isEmpty();
		assertThat(problems)
			.as("%d endpoints × %d roles (in and out of scope): %d requests in %d s", endpoints.size(), ROLES.size(),
					requests, seconds)
			.isEmpty();
	}

	private record Call(String endpoint, String method, String path, int scope, boolean scoped) {
	}

	/** The routes of every controller, and every operation of the OpenAPI document. */
	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		handlers.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.equals("/error")) {
					continue; // the container's error page
				}
				for (RequestMethod requestMethod : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					endpoints.add(requestMethod.name() + " " + plain(pattern));
				}
			}
		});
		Page docs = sessions.get(DemoUsers.ADMIN).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = JSON.readTree(docs.body()).get("paths");
		Set<String> documented = new TreeSet<>();
		paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			if (Set.of("get", "post", "put", "delete", "patch").contains(operation.getKey())) {
				documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
			}
		}));
		assertThat(documented).as("API operations in the OpenAPI document").isNotEmpty();
		endpoints.addAll(documented);
		return endpoints;
	}

	private Page send(String role, String method, String path) {
		WebSession session = sessions.get(role);
		boolean api = path.startsWith("/api/");
		if (api) {
			String user = role.equals(ANONYMOUS) ? null : role;
			byte[] body = method.equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8);
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("If-Match", "\"999\"");
			if (user != null) {
				headers.put("Authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString((user + ":" + PW).getBytes(StandardCharsets.UTF_8)));
			}
			return new WebSession(port).exchange(method, path, body == null ? null : "application/json", body, headers);
		}
		if (method.equals("GET")) {
			return session.exchange("GET", path, null, null, Map.of());
		}
		return session.exchange(method, path, "application/x-www-form-urlencoded", session.formBody(DUMMY_FORM),
				Map.of());
	}

	private static String code(String role, String path, Page answer) {
		int status = answer.status();
		boolean toLogin = status == 302 && answer.location().map(l -> l.endsWith("/login")).orElse(false);
		if (role.equals(ANONYMOUS) && (path.startsWith("/api/") ? status == 401 : toLogin)) {
			return "L";
		}
		if (status == 401) {
			return "U";
		}
		if (status == 403) {
			return "F";
		}
		if (status == 404) {
			return "N";
		}
		if (ALLOWED.contains(status) && !toLogin) {
			return "A";
		}
		return String.valueOf(status);
	}

	private String fill(String pattern, String kind, int scope) {
		String path = pattern;
		if (kind != null) {
			path = path.replaceFirst("\\{id\\}", objects.get(kind)[scope]);
		}
		return path.replace("{deviceCode}", objects.get("deviceCode")[scope])
			.replace("{photoId}", "999999999")
			.replace("{fileId}", "999999999")
			.replace("{code}", "320402")
			.replace("{step}", "start")
			.replace("{version}", "1")
			.replace("{index}", "0");
	}

	private static String kindOf(String pattern) {
		if (!pattern.contains("{id}")) {
			return null;
		}
		return KINDS.stream().filter(k -> pattern.startsWith(k[0])).map(k -> k[1]).findFirst().orElse(null);
	}

	/**
	 * {@code /devices/{id:\d+}} → {@code /devices/{id}}, as the OpenAPI document has it.
	 */
	static String plain(String pattern) {
		StringBuilder out = new StringBuilder();
		int depth = 0;
		boolean skipping = false;
		for (char c : pattern.toCharArray()) {
			if (c == '{') {
				depth++;
				if (depth > 1) {
					continue;
				}
			}
			else if (c == '}') {
				depth--;
				if (depth > 0) {
					continue;
				}
				skipping = false;
			}
			else if (c == ':' && depth == 1) {
				skipping = true;
				continue;
			}
			if (!skipping) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private String hazard(String user, String school) {
		String json = """
				{"schoolId":%s,"place":"校门","category":"PHYSICAL","grade":"GENERAL","description":"权限矩阵测试",
				 "requirements":"整改","responsibleUnit":"学校","responsiblePerson":"校长"}""".formatted(school);
		Page page = api("POST", "/api/v1/hazards", user, json);
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		return find(page.body(), "\"id\":(\\d+)");
	}

	private String warning(String user) {
		String ack = PlatformTime.local(clock.instant().plus(java.time.Duration.ofDays(10)))
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();
		Page page = api("POST", "/api/v1/warnings", user, """
				{"level":"BLUE","title":"权限矩阵测试预警","body":"权限矩阵测试","acknowledgeBy":"%s"}""".formatted(ack));
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		return find(page.body(), "\"id\":(\\d+)");
	}

	private String drill(String user, String school) {
		Page page = api("POST", "/api/v1/drills", user, """
				{"schoolId":%s,"type":"FIRE","day":"%s","participants":100,"durationMinutes":5}""".formatted(school,
				PlatformTime.today(clock)));
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		return find(page.body(), "\"id\":(\\d+)");
	}

	private String accident(String user, String school) {
		Page page = api("POST", "/api/v1/accidents", user, """
				{"schoolId":%s,"occurredOn":"%s","kind":"SPORTS","description":"权限矩阵测试","injured":0,
				 "handling":"无","insurance":"NONE"}""".formatted(school, PlatformTime.today(clock)));
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		return find(page.body(), "\"id\":(\\d+)");
	}

	/** Files a danger tip on the school's public page, anonymously; returns its id. */
	private String tip(String school) {
		WebSession reporter = new WebSession(port);
		reporter.get("/help/" + school);
		Page page = reporter.postForm("/help/" + school,
				Map.of("category", "DANGER", "reporter", "PARENT", "body", "权限矩阵测试求助"));
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return jdbc.sql("select max(id) from tip where school_id = ?")
			.param(Long.parseLong(school))
			.query(String.class)
			.single();
	}

	/** Registers a one-key alarm through the page; returns its id, code and token. */
	private String[] device(String user, String region, String schoolCode) {
		String code = region + "0001" + "134" + "0" + String.format("%06d", (int) (Math.random() * 1_000_000));
		WebSession session = WebSession.signedIn(port, user, PW);
		session.get("/devices/new");
		Page page = session.postForm("/devices/new", Map.of("code", code, "schoolCode", schoolCode, "kind",
				"ONE_KEY_ALARM", "place", "门卫室", "vendor", "海康威视", "model", "DS-K1", "mustBeNetworked", "true"));
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return new String[] { find(page.body(), "href=\"/devices/(\\d+)\""), code,
				find(page.body(), "<code class=\"device-token\">([^<]+)</code>") };
	}

	private String alarm(String[] device) {
		String json = "{\"eventId\":\"%s\",\"code\":\"ONE_KEY\",\"time\":\"%s\"}".formatted(UUID.randomUUID(),
				OffsetDateTime.now(PlatformTime.ZONE)
					.truncatedTo(ChronoUnit.SECONDS)
					.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		Page page = new WebSession(port).api("POST", "/api/v1/devices/" + device[1] + "/alarms", null, null, json,
				Map.of("X-Device-Token", device[2]));
		assertThat(page.status()).as(page.body()).isEqualTo(201);
		return jdbc.sql("select id from alarm where device_code = ?").param(device[1]).query(String.class).single();
	}

	private Page api(String method, String path, String user, String json) {
		return new WebSession(port).api(method, path, user, PW, json, Map.of());
	}

	/**
	 * What every endpoint answered, as rows of the table, for a new endpoint's author.
	 */
	private static void writeObserved(Map<String, String[]> observed, int requests, long seconds) throws IOException {
		StringBuilder text = new StringBuilder(
				"// %d endpoints, %d requests, %d s%n".formatted(observed.size(), requests, seconds));
		observed.forEach((endpoint, codes) -> text.append("\t\"%s\", \"%s\"%s,%n".formatted(endpoint, codes[0],
				codes.length > 1 ? ", \"" + codes[1] + "\"" : "")));
		Path file = Path.of("target", "authorization-matrix.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	/**
	 * Rows as {@code "METHOD /path", "in scope"[, "out of scope"]}, then the next row.
	 */
	private static Map<String, String[]> table(String... cells) {
		Map<String, String[]> rows = new LinkedHashMap<>();
		String key = null;
		List<String> values = new ArrayList<>();
		for (String cell : cells) {
			if (cell.matches("(GET|POST|PUT|DELETE|PATCH) /.*")) {
				if (key != null) {
					rows.put(key, values.toArray(String[]::new));
				}
				key = cell;
				values = new ArrayList<>();
			}
			else {
				assertThat(cell.split(" ")).as(key).hasSize(ROLES.size());
				values.add(cell);
			}
		}
		if (key != null) {
			rows.put(key, values.toArray(String[]::new));
		}
		return rows;
	}

}
