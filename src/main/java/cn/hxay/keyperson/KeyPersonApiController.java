package cn.hxay.keyperson;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Key persons over HTTP, police only. Every answer carries masked ID and phone numbers
 * except {@code POST /{id}/reveal}, which needs a stated reason and is audited. Changes
 * are optimistic: send the {@code ETag} you read as {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/key-persons")
@Tag(name = "重点人员", description = "仅限公安（市局、分局、派出所）；只返回调用者管辖范围内的人员，号码一律脱敏；每次查看、查询都记入审计日志")
class KeyPersonApiController {

	private final KeyPersons keyPersons;

	private final java.time.Clock clock;

	KeyPersonApiController(KeyPersons keyPersons, java.time.Clock clock) {
		this.keyPersons = keyPersons;
		this.clock = clock;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record KeyPersonResource(long id, int version, String name, String idNumber, String phone, String address,
			BigDecimal longitude, BigDecimal latitude, long stationId, String stationName, String officer,
			RiskLevel risk, String riskLabel, String category, String categoryLabel, ControlStatus status,
			String statusLabel, String statusReason, LocalDate reviewDate, LocalDate controlledSince, ControlPlan plan,
			int visitIntervalDays, LocalDate lastVisitDate, LocalDate nextVisitDue, boolean visitOverdue,
			List<NearbySchool> nearbySchools, List<Visit> visits, List<StatusStep> history) {
	}

	record RevealRequest(String reason) {
	}

	/**
	 * Filters for an exact ID-number search, sent in the body so the number stays out of
	 * URLs and logs.
	 */
	record SearchRequest(String idNumber, String category, RiskLevel risk, ControlStatus status, Boolean overdue,
			String name, Integer page, Integer size) {
	}

	@GetMapping
	@Operation(summary = "分页查询重点人员", description = "按类别、风险等级、状态、是否逾期未走访、姓名筛选；page 从 0 开始，size 最大 200；号码脱敏")
	Paged<KeyPersonResource> list(CurrentUser user, DataScope scope, @RequestParam(required = false) String category,
			@RequestParam(required = false) RiskLevel risk, @RequestParam(required = false) ControlStatus status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Paged<KeyPerson> found = keyPersons.search(user, scope,
				new KeyPersonFilter(category, risk, status, overdue, name, null), PageRequest.of(page, size));
		return summaries(found);
	}

	@PostMapping("/search")
	@Operation(summary = "按身份证号精确查找", description = "身份证号放在请求体中（不进入网址和访问日志），按密钥散列精确匹配")
	Paged<KeyPersonResource> search(CurrentUser user, DataScope scope, @RequestBody SearchRequest body) {
		Paged<KeyPerson> found = keyPersons.search(user, scope, new KeyPersonFilter(body.category(), body.risk(),
				body.status(), body.overdue(), body.name(), body.idNumber()), PageRequest.of(body.page(), body.size()));
		return summaries(found);
	}

	@GetMapping("/categories")
	@Operation(summary = "人员类别及各风险等级的走访间隔（天）")
	List<Category> categories() {
		return keyPersons.categories();
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看一名重点人员", description = "含一人一案、走访记录、管控记录和周边学校；管辖范围以外返回 404")
	ResponseEntity<KeyPersonResource> get(@PathVariable long id, CurrentUser user, DataScope scope) {
		return detail(HttpStatus.OK, user, scope, keyPersons.view(user, scope, id));
	}

	@PostMapping
	@Operation(summary = "登记重点人员", description = "责任派出所须在调用者管辖范围内；坐标为 WGS-84；校验失败返回 400 及逐项原因")
	ResponseEntity<KeyPersonResource> create(@RequestBody KeyPersonDetails body, CurrentUser user, DataScope scope) {
		KeyPerson p = keyPersons.create(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/key-persons/" + p.id()))
			.eTag(Integer.toString(p.version()))
			.body(detailOf(user, scope, p));
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改基本信息和一人一案", description = "须带 If-Match 头；他人已修改则返回 409。号码留空或原样回传脱敏值则不变")
	ResponseEntity<KeyPersonResource> change(@PathVariable long id, @RequestBody KeyPersonChanges body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user, DataScope scope) {
		return detail(HttpStatus.OK, user, scope, keyPersons.change(user, scope, id, version(ifMatch), body));
	}

	@PostMapping("/{id}/visits")
	@Operation(summary = "登记走访", description = "走访日期不能晚于今天；下次走访日期随之更新")
	ResponseEntity<KeyPersonResource> visit(@PathVariable long id, @RequestBody NewVisit body, CurrentUser user,
			DataScope scope) {
		return detail(HttpStatus.CREATED, user, scope, keyPersons.recordVisit(user, scope, id, body));
	}

	@PostMapping("/{id}/status")
	@Operation(summary = "变更管控状态",
			description = "move: INCLUDE 纳入管控 (须带 risk) / DOWNGRADE 降级 / ESCALATE 升级 / RELEASE 撤销管控；须说明理由并给出复核日期；须带 If-Match")
	ResponseEntity<KeyPersonResource> status(@PathVariable long id, @RequestBody StatusChange body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user, DataScope scope) {
		return detail(HttpStatus.OK, user, scope, keyPersons.changeStatus(user, scope, id, version(ifMatch), body));
	}

	@PostMapping("/{id}/transfer")
	@Operation(summary = "移交其他派出所", description = "人员迁居时移交；原派出所随即无权查看；须带 If-Match")
	KeyPersons.Transferred transfer(@PathVariable long id, @RequestBody Transfer body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, CurrentUser user, DataScope scope) {
		return keyPersons.transfer(user, scope, id, version(ifMatch), body);
	}

	@PostMapping("/{id}/reveal")
	@Operation(summary = "查看完整身份证号和电话", description = "须说明理由（至少 5 个字）；记入审计日志；不缓存")
	ResponseEntity<Revealed> reveal(@PathVariable long id, @RequestBody(required = false) RevealRequest body,
			CurrentUser user, DataScope scope) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(keyPersons.reveal(user, scope, id, body == null ? null : body.reason()));
	}

	private Paged<KeyPersonResource> summaries(Paged<KeyPerson> found) {
		Map<String, Category> categories = categoriesByCode();
		Map<Long, String> stations = keyPersons
			.stationNames(found.items().stream().map(KeyPerson::stationId).distinct().toList());
		LocalDate today = PlatformTime.today(clock);
		return found.map(p -> resource(p, categories, stations, today, null, null, null));
	}

	private ResponseEntity<KeyPersonResource> detail(HttpStatus status, CurrentUser user, DataScope scope,
			KeyPerson p) {
		return ResponseEntity.status(status).eTag(Integer.toString(p.version())).body(detailOf(user, scope, p));
	}

	private KeyPersonResource detailOf(CurrentUser user, DataScope scope, KeyPerson p) {
		return resource(p, categoriesByCode(), keyPersons.stationNames(List.of(p.stationId())),
				PlatformTime.today(clock), keyPersons.nearbySchools(user, scope, p.id()),
				keyPersons.visits(user, scope, p.id()), keyPersons.history(user, scope, p.id()));
	}

	private Map<String, Category> categoriesByCode() {
		return keyPersons.categories().stream().collect(java.util.stream.Collectors.toMap(Category::code, c -> c));
	}

	private static KeyPersonResource resource(KeyPerson p, Map<String, Category> categories, Map<Long, String> stations,
			LocalDate today, List<NearbySchool> nearby, List<Visit> visits, List<StatusStep> history) {
		Category category = categories.get(p.category());
		return new KeyPersonResource(p.id(), p.version(), p.name(), p.maskedIdNumber(), p.maskedPhone(), p.address(),
				p.longitude(), p.latitude(), p.stationId(), stations.get(p.stationId()), p.officer(), p.risk(),
				p.risk().label(), p.category(), category == null ? p.category() : category.label(), p.status(),
				p.status().label(), p.statusReason(), p.reviewDate(), p.controlledSince(), p.plan(),
				category == null ? 0 : p.visitIntervalDays(category), p.lastVisitDate(), p.nextVisitDue(),
				p.visitOverdue(today), nearby, visits, history);
	}

	private static int version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new InvalidInputException("If-Match", "修改须带 If-Match 头，值为读取时得到的 ETag");
		}
		try {
			return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "If-Match 头格式不正确");
		}
	}

}
