package cn.hxay.dutypost;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PlatformTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 护学岗 over HTTP: posts, bells, rosters, check-ins, coverage, gaps, who is on duty now,
 * and the schools' police links. Times are platform time (Asia/Shanghai); days are
 * {@code yyyy-MM-dd}, bell times {@code HH:mm}.
 */
@RestController
@RequestMapping("/api/v1/duty-posts")
@Tag(name = "护学岗",
		description = "校门护学岗、学校作息时间、派出所排班、民警辅警签到签退（时间和位置）、高峰时段覆盖率（依佳木斯市《关于进一步加强学校、幼儿园及周边安全保卫工作的意见》二(二)4：上、放学高峰时段至少 2 名民警或协警在校门，有警车并闪亮警灯）、铃前无人在岗的缺岗记录；法制副校长/法治辅导员、联络民警、警务室/治安岗亭")
class DutyPostApiController {

	private final DutyPosts posts;

	private final SchoolPoliceLinks links;

	private final Clock clock;

	DutyPostApiController(DutyPosts posts, SchoolPoliceLinks links, Clock clock) {
		this.posts = posts;
		this.links = links;
		this.clock = clock;
	}

	record BellResource(Period kind, String kindLabel, String label, String at, String weekdays, String weekdaysLabel) {

		static BellResource of(Bell b) {
			return new BellResource(b.kind(), b.kind().label(), b.label(), b.at().toString(), b.weekdays(),
					b.weekdaysLabel());
		}

	}

	record PostResource(long id, long schoolId, String schoolName, String regionCode, Long stationId, String gate,
			BigDecimal latitude, BigDecimal longitude, List<BellResource> bells) {
	}

	record CheckInResource(long id, long postId, LocalDate day, String officerName, OfficerKind officerKind,
			String checkedInAt, BigDecimal latitude, BigDecimal longitude, Integer accuracy, String place,
			boolean carPresent, String checkedOutAt, String outPlace) {

		static CheckInResource of(CheckIn c) {
			return new CheckInResource(c.id(), c.postId(), c.day(), c.officerName(), c.officerKind(),
					time(c.checkedInAt()), c.latitude(), c.longitude(), c.accuracy(), c.place(), c.carPresent(),
					time(c.checkedOutAt()), c.outPlace());
		}

	}

	record PeakResource(long postId, String schoolName, String gate, String regionCode, Long stationId, Period kind,
			String bellLabel, String bellAt, PeakStatus status, String statusLabel, int present, boolean car,
			int rostered, List<String> officers) {
	}

	record CoverageResource(LocalDate day, CoverageLine total, List<CoverageLine> counties, List<CoverageLine> stations,
			List<CoverageLine> posts, List<PeakResource> peaks) {
	}

	record BellsRequest(List<BellRow> bells) {
	}

	record OnDutyResource(long checkInId, long postId, String gate, String officerName, OfficerKind officerKind,
			String since, boolean carPresent, BigDecimal latitude, BigDecimal longitude, String place) {
	}

	@GetMapping
	@Operation(summary = "护学岗列表", description = "调用者管辖范围内的护学岗及所在学校的作息时间；可按 schoolId 筛选")
	List<PostResource> list(@RequestParam(required = false) Long schoolId, DataScope scope) {
		List<DutyPost> list = posts.posts(scope, schoolId);
		Map<Long, List<Bell>> bells = posts.bellsOf(list);
		return list.stream().map(p -> resource(p, bells.getOrDefault(p.schoolId(), List.of()))).toList();
	}

	@PostMapping
	@Operation(summary = "设置护学岗", description = "仅公安机关；schoolId、gate（校门名称，如“南门”），可选 WGS-84 经纬度")
	ResponseEntity<PostResource> create(@RequestBody NewPost body, CurrentUser user, DataScope scope) {
		DutyPost p = posts.create(user, scope, body);
		return ResponseEntity.created(URI.create("/api/v1/duty-posts/" + p.id())).body(resource(p, List.of()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看护学岗", description = "管辖范围以外返回 404")
	PostResource get(@PathVariable long id, DataScope scope) {
		DutyPost p = posts.post(scope, id);
		return resource(p, posts.bellsOf(List.of(p)).getOrDefault(p.schoolId(), List.of()));
	}

	@GetMapping("/schools/{id}/bells")
	@Operation(summary = "学校作息时间", description = "上学、放学铃声时间，可按年级错峰，按星期设置")
	List<BellResource> bells(@PathVariable long id, DataScope scope) {
		return posts.bells(scope, id).stream().map(BellResource::of).toList();
	}

	@PutMapping("/schools/{id}/bells")
	@Operation(summary = "修改学校作息时间",
			description = "本校账号或辖区公安机关；整体替换：{\"bells\":[…]}，每条 kind（ARRIVAL 上学 / DISMISSAL 放学）、label（适用年级）、at（HH:mm）、weekdays（如 12345）")
	List<BellResource> replaceBells(@PathVariable long id, @RequestBody BellsRequest body, CurrentUser user,
			DataScope scope) {
		return posts.replaceBells(user, scope, id, body == null ? null : body.bells())
			.stream()
			.map(BellResource::of)
			.toList();
	}

	record PostRoster(long postId, String schoolName, String gate, Long stationId, List<RosterEntry> entries) {
	}

	@GetMapping("/rosters")
	@Operation(summary = "派出所排班表", description = "仅公安机关；某日（默认今天）管辖范围内每个护学岗的排班")
	List<PostRoster> rosterOfDay(@RequestParam(required = false) LocalDate day, CurrentUser user, DataScope scope) {
		return posts.rosterOfDay(user, scope, day == null ? PlatformTime.today(clock) : day)
			.entrySet()
			.stream()
			.map(e -> new PostRoster(e.getKey().id(), e.getKey().schoolName(), e.getKey().gate(),
					e.getKey().stationId(), e.getValue()))
			.toList();
	}

	@GetMapping("/{id}/rosters")
	@Operation(summary = "排班", description = "仅公安机关；某日（默认今天）该岗的民警、辅警")
	List<RosterEntry> roster(@PathVariable long id, @RequestParam(required = false) LocalDate day, CurrentUser user,
			DataScope scope) {
		return posts.roster(user, scope, id, day);
	}

	@PostMapping("/{id}/rosters")
	@Operation(summary = "添加排班",
			description = "仅公安机关；day、period（ARRIVAL/DISMISSAL）、officerName、officerKind（POLICE 民警 / AUXILIARY 辅警）")
	ResponseEntity<RosterEntry> addRoster(@PathVariable long id, @RequestBody NewRoster body, CurrentUser user,
			DataScope scope) {
		RosterEntry e = posts.addRoster(user, scope, id, body);
		return ResponseEntity.created(URI.create("/api/v1/duty-posts/" + id + "/rosters?day=" + e.day())).body(e);
	}

	@GetMapping("/{id}/check-ins")
	@Operation(summary = "签到记录", description = "仅公安机关；某日（默认今天）该岗的签到、签退时间和位置")
	List<CheckInResource> checkIns(@PathVariable long id, @RequestParam(required = false) LocalDate day,
			CurrentUser user, DataScope scope) {
		return posts.checkIns(user, scope, id, day).stream().map(CheckInResource::of).toList();
	}

	@PostMapping("/{id}/check-ins")
	@Operation(summary = "签到",
			description = "仅公安机关；时间取平台时钟；latitude/longitude（浏览器定位）或 place（手填位置）至少一项；carPresent 警车到位；同一人未签退不能重复签到（409）")
	ResponseEntity<CheckInResource> checkIn(@PathVariable long id, @RequestBody NewCheckIn body, CurrentUser user,
			DataScope scope) {
		CheckIn c = posts.checkIn(user, scope, id, body);
		return ResponseEntity.created(URI.create("/api/v1/duty-posts/" + id + "/check-ins"))
			.body(CheckInResource.of(c));
	}

	@PostMapping("/check-ins/{id}/check-out")
	@Operation(summary = "签退", description = "仅公安机关；可附位置；已签退返回 409")
	CheckInResource checkOut(@PathVariable long id, @RequestBody(required = false) CheckOut body, CurrentUser user,
			DataScope scope) {
		return CheckInResource.of(posts.checkOut(user, scope, id, body));
	}

	@GetMapping("/coverage")
	@Operation(summary = "覆盖情况",
			description = "某日（默认今天）每个岗位每次铃声的在岗情况：MET 达标（≥2 人且有警车）、SHORT 不足、GAP 缺岗、PENDING 未到时；按县（区）、派出所、岗位汇总；可按 status、regionCode、stationId、postId 筛选明细。学校账号不可用；在岗人员姓名仅公安机关可见")
	CoverageResource coverage(@RequestParam(required = false) LocalDate day,
			@RequestParam(required = false) PeakStatus status, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Long stationId, @RequestParam(required = false) Long postId,
			CurrentUser user, DataScope scope) {
		LocalDate shown = day == null ? PlatformTime.today(clock) : day;
		Instant now = clock.instant();
		Coverage c = posts.coverage(user, scope, shown, now);
		List<PeakResource> peaks = posts
			.peaks(user, scope, shown, now, new DutyPosts.PeakFilter(status, regionCode, stationId, postId))
			.stream()
			.map(p -> new PeakResource(p.post().id(), p.post().schoolName(), p.post().gate(), p.post().regionCode(),
					p.post().stationId(), p.bell().kind(), p.bell().label(), time(p.bellAt()), p.status(),
					p.status().label(), p.present(), p.car(), p.rostered(), p.officers()))
			.toList();
		return new CoverageResource(shown, c.total(), c.counties(), c.stations(), c.posts(), peaks);
	}

	@GetMapping("/gaps")
	@Operation(summary = "缺岗记录", description = "仅公安机关；铃响前 N 分钟（默认 10）无人在岗的记录；open=true 只看尚未补岗的")
	List<Gap> gaps(@RequestParam(required = false) LocalDate day, @RequestParam(defaultValue = "false") boolean open,
			CurrentUser user, DataScope scope) {
		return posts.gaps(user, scope, day == null ? PlatformTime.today(clock) : day, open);
	}

	@GetMapping("/on-duty")
	@Operation(summary = "当前在岗", description = "仅公安机关；某校各护学岗此刻已签到未签退的民警、辅警（供 110 接处警台使用）")
	List<OnDutyResource> onDuty(@RequestParam(required = false) Long schoolId, CurrentUser user, DataScope scope) {
		DutyPosts.mustSeeOfficers(user);
		if (schoolId == null) {
			throw new cn.hxay.shared.InvalidInputException("schoolId", "请指定学校");
		}
		return posts.onDutyNow(scope, schoolId)
			.stream()
			.map(o -> new OnDutyResource(o.checkInId(), o.postId(), o.gate(), o.officerName(), o.officerKind(),
					time(o.since()), o.carPresent(), o.latitude(), o.longitude(), o.place()))
			.toList();
	}

	@GetMapping("/liaisons")
	@Operation(summary = "警校联络覆盖率", description = "按县（区）和派出所：配有法制副校长或法治辅导员、联络民警的学校数，应设警务室/治安岗亭的学校中已设的数量；学校账号不可用")
	Map<String, List<LinkCoverageLine>> liaisonCoverage(CurrentUser user, DataScope scope) {
		return links.coverage(user, scope);
	}

	@GetMapping("/liaisons/schools")
	@Operation(summary = "各校警校联络情况", description = "lack=LEGAL/LIAISON/ROOM 列出缺少该项的学校；可按 regionCode、stationId 筛选")
	List<SchoolPoliceLink> liaisonSchools(@RequestParam(required = false) Lack lack,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) Long stationId,
			CurrentUser user, DataScope scope) {
		List<SchoolPoliceLink> all = links.all(user, scope, regionCode, stationId);
		return lack == null ? all : all.stream().filter(l -> l.lacks().contains(lack)).toList();
	}

	@GetMapping("/schools/{id}/liaison")
	@Operation(summary = "一所学校的警校联络", description = "法制副校长、法治辅导员、联络民警及电话、警务室/治安岗亭")
	SchoolPoliceLink liaison(@PathVariable long id, DataScope scope) {
		return links.of(scope, id);
	}

	@PutMapping("/schools/{id}/liaison")
	@Operation(summary = "登记警校联络",
			description = "仅公安机关；policeRoom：NONE/POLICE_ROOM 警务室/SECURITY_BOOTH 治安岗亭；roomRequired 是否应设（默认是）")
	SchoolPoliceLink saveLiaison(@PathVariable long id, @RequestBody LinkForm body, CurrentUser user, DataScope scope) {
		return links.save(user, scope, id, body);
	}

	private static PostResource resource(DutyPost p, List<Bell> bells) {
		return new PostResource(p.id(), p.schoolId(), p.schoolName(), p.regionCode(), p.stationId(), p.gate(),
				p.latitude(), p.longitude(), bells.stream().map(BellResource::of).toList());
	}

	private static String time(Instant at) {
		return at == null ? null : PlatformTime.MINUTE.format(at);
	}

}
