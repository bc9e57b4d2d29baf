package cn.hxay.inspection;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.hxay.audit.AuditTrail;
import cn.hxay.hazard.Hazard;
import cn.hxay.hazard.HazardCategory;
import cn.hxay.hazard.HazardGrade;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.Organisations;
import cn.hxay.posture.Postures;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.Violation;
import cn.hxay.shared.documents.Photos;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection module's API: launching campaigns, filling in, co-signing and submitting
 * self-inspections, reviewing them one level up, sampling, and the progress figures.
 */
@Service
public class Inspections {

	static final int MAX_PHOTOS = 30;

	private static final Role[] LAUNCHERS = { Role.SYSTEM_ADMIN, Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN,
			Role.CITY_POLICE, Role.COUNTY_POLICE };

	private static final Role[] REVIEWERS = { Role.SYSTEM_ADMIN, Role.CITY_EDUCATION_ADMIN, Role.COUNTY_EDUCATION_ADMIN,
			Role.CITY_POLICE, Role.COUNTY_POLICE, Role.INSPECTOR };

	private static final Role[] SAMPLERS = { Role.SYSTEM_ADMIN, Role.CITY_EDUCATION_ADMIN, Role.CITY_POLICE,
			Role.INSPECTOR };

	private final InspectionStore store;

	private final Checklists checklists;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final Postures postures;

	private final HazardLedger hazards;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Inspections(InspectionStore store, Checklists checklists, SchoolRegistry schools, Organisations organisations,
			Postures postures, HazardLedger hazards, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.checklists = checklists;
		this.schools = schools;
		this.organisations = organisations;
		this.postures = postures;
		this.hazards = hazards;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public List<ChecklistTemplate> templates() {
		return checklists.all();
	}

	public boolean mayLaunch(CurrentUser user) {
		return user.hasAnyRole(LAUNCHERS);
	}

	public boolean mayReview(CurrentUser user) {
		return user.hasAnyRole(REVIEWERS);
	}

	public boolean maySample(CurrentUser user) {
		return user.hasAnyRole(SAMPLERS);
	}

	public boolean mayFill(CurrentUser user) {
		return user.hasAnyRole(Role.SCHOOL_SAFETY_LEAD, Role.STATION_OFFICER);
	}

	public boolean mayCosign(CurrentUser user) {
		return user.hasRole(Role.STATION_OFFICER);
	}

	/**
	 * Launches a campaign and assigns a self-inspection to every school in scope, due on
	 * the self-check phase's end.
	 */
	@Transactional
	public Campaign launch(CurrentUser user, DataScope scope, NewCampaign c) {
		if (!mayLaunch(user)) {
			throw new ForbiddenException("只有教育、公安部门管理员可以发起检查");
		}
		List<Violation> problems = new ArrayList<>();
		if (c.title() == null || c.title().isBlank() || c.title().length() > 200) {
			problems.add(Violation.of("title", "请填写检查名称（200 字以内）"));
		}
		if (c.issuers() == null || c.issuers().isBlank() || c.issuers().length() > 300) {
			problems.add(Violation.of("issuers", "请填写发文单位（如 市公安局、市教育局）"));
		}
		if (c.regionCode() == null || c.regionCode().isBlank()) {
			problems.add(Violation.of("regionCode", "请选择检查范围"));
		}
		if (c.selfCheckFrom() == null || c.selfCheckDue() == null) {
			problems.add(Violation.of("selfCheckDue", "请填写自查开始日期和完成期限"));
		}
		else if (c.selfCheckDue().isBefore(c.selfCheckFrom())) {
			problems.add(Violation.of("selfCheckDue", "自查完成期限不能早于开始日期"));
		}
		for (int i = 0; i < c.phases().size(); i++) {
			Phase p = c.phases().get(i);
			if (p.name() == null || p.name().isBlank() || p.from() == null || p.to() == null) {
				problems.add(Violation.of("phases", "第 " + (i + 1) + " 个阶段缺少名称或日期"));
			}
			else if (p.to().isBefore(p.from())) {
				problems.add(Violation.of("phases", "阶段“" + p.name() + "”的结束日期早于开始日期"));
			}
		}
		ChecklistTemplate template = c.templateCode() == null ? null
				: checklists.all().stream().anyMatch(t -> t.code().equals(c.templateCode()))
						? checklists.get(c.templateCode()) : null;
		if (template == null) {
			problems.add(Violation.of("templateCode", "请选择检查表模板"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<School> covered = new ArrayList<>();
		schools.forEach(scope, new SchoolFilter(null, c.regionCode(), null, null, null, null), school -> {
			if (c.schoolKinds().isEmpty() || c.schoolKinds().contains(school.details().kind())) {
				covered.add(school);
			}
		});
		if (covered.isEmpty()) {
			throw new InvalidInputException("regionCode", "所选范围内没有您管辖的学校");
		}
		Instant now = clock.instant();
		List<Phase> phases = c.phases().stream().map(p -> new Phase(p.name().strip(), p.from(), p.to())).toList();
		long id = store.insertCampaign(c.title().strip(), c.issuers().strip(), user.organisationId(), c.regionCode(),
				c.schoolKinds().stream().map(Enum::name).toList(), template, phases, c.selfCheckFrom(),
				c.selfCheckDue(), c.reporting() == null || c.reporting().isBlank() ? null : c.reporting().strip(),
				user.displayName(), user.organisationId(), now);
		Map<Long, Organisation> units = schools.unitsOf(covered);
		store.assign(id, c.selfCheckDue(), covered.stream().map(s -> {
			Long station = s.details().policeStationId();
			Long[] unitIds = Stream
				.of(s.organisationId(), s.details().educationBureauId(), station, s.details().townshipId())
				.filter(Objects::nonNull)
				.toArray(Long[]::new);
			String stationName = station == null || units.get(station) == null ? null : units.get(station).name();
			return new InspectionStore.Assignment(s.id(), s.name(), s.regionCode(), unitIds, stationName);
		}).toList());
		audit.record("CAMPAIGN_LAUNCHED", "inspection_campaign", id,
				c.title().strip() + "，" + covered.size() + " 所学校，模板 " + template.label());
		return campaign(scope, id);
	}

	public Paged<Campaign> campaigns(DataScope scope, PageRequest page) {
		return store.campaigns(scope, page);
	}

	public Campaign campaign(DataScope scope, long id) {
		return store.campaign(id, scope).orElseThrow(() -> new NotFoundException("检查任务不存在或不在您的管辖范围内"));
	}

	/** Progress per county, named, with a total row last. */
	public List<InspectionStore.Progress> progress(DataScope scope, long campaignId) {
		campaign(scope, campaignId);
		List<InspectionStore.Progress> rows = new ArrayList<>();
		long[] sum = new long[6];
		for (InspectionStore.Progress p : store.progress(campaignId, scope, LocalDate.now(clock))) {
			rows.add(p.named(organisations.region(p.regionCode()).name()));
			sum[0] += p.assigned();
			sum[1] += p.submitted();
			sum[2] += p.accepted();
			sum[3] += p.returned();
			sum[4] += p.missed();
			sum[5] += p.sampled();
		}
		rows.add(new InspectionStore.Progress("", "合计", sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]));
		return rows;
	}

	public Paged<Inspection> inspections(DataScope scope, long campaignId, String region, String state, String text,
			PageRequest page) {
		campaign(scope, campaignId);
		return store.page(campaignId, scope, region, state, text, LocalDate.now(clock), page);
	}

	/** Every inspection of a campaign in scope (for the district summary form). */
	public List<Inspection> allInspections(DataScope scope, long campaignId, String region) {
		campaign(scope, campaignId);
		return store.all(campaignId, scope, region);
	}

	public Inspection get(DataScope scope, long id) {
		return store.byId(id, scope).orElseThrow(() -> new NotFoundException("检查表不存在或不在您的管辖范围内"));
	}

	public ChecklistTemplate templateOf(Inspection inspection) {
		return store.campaign(inspection.campaignId()).orElseThrow().template();
	}

	public Campaign campaignOf(Inspection inspection) {
		return store.campaign(inspection.campaignId()).orElseThrow();
	}

	public List<InspectionStore.Step> steps(DataScope scope, long id) {
		get(scope, id);
		return store.steps(id);
	}

	public List<InspectionStore.Photo> photos(DataScope scope, long id) {
		get(scope, id);
		return store.photos(id);
	}

	/**
	 * Where the form's guard counts differ from the guards on the school's record. Guards
	 * are named people with certificates, so acceptance never copies a count into the
	 * posture; the reviewer sees the difference instead.
	 */
	public List<String> differencesFromPosture(Inspection inspection, ChecklistTemplate template) {
		List<String> notes = new ArrayList<>();
		var posture = postures.current(inspection.schoolId());
		if (!posture.guardsReported()) {
			return notes;
		}
		compare(notes, template, inspection, "guards", posture.guardCount(), "保安员");
		compare(notes, template, inspection, "certifiedGuards", posture.certifiedGuards(), "持证保安员");
		return notes;
	}

	private static void compare(List<String> notes, ChecklistTemplate template, Inspection inspection, String key,
			long onRecord, String what) {
		template.item(key).map(inspection::answer).map(ChecklistItem::number).ifPresent(typed -> {
			if (typed.longValue() != onRecord) {
				notes.add("检查表填报" + what + " " + typed.toPlainString() + " 名，学校安全防范档案登记 " + onRecord
						+ " 名：请核实，并在“安全防范情况”中补录或更正保安员名单");
			}
		});
	}

	public boolean missed(Inspection inspection) {
		return inspection.missed(LocalDate.now(clock));
	}

	@Transactional
	public Inspection saveDraft(CurrentUser user, DataScope scope, long id, int version, Map<String, String> answers,
			String headmaster) {
		requireFiller(user);
		return change(user, scope, id, version, "保存草稿", null,
				(i, t) -> i.fill(t, answers, scope.policeData(), headmaster));
	}

	@Transactional
	public Inspection cosign(CurrentUser user, DataScope scope, long id, int version) {
		if (!mayCosign(user)) {
			throw new ForbiddenException("会签须由属地派出所民警进行");
		}
		String station = organisations.get(user.organisationId()).name();
		return change(user, scope, id, version, "派出所会签", station,
				(i, t) -> i.cosign(user.displayName(), station, clock.instant()));
	}

	@Transactional
	public Inspection submit(CurrentUser user, DataScope scope, long id, int version, Map<String, String> answers,
			String headmaster) {
		requireFiller(user);
		Set<String> withPhotos = store.photos(id)
			.stream()
			.map(InspectionStore.Photo::itemKey)
			.collect(Collectors.toSet());
		return change(user, scope, id, version, "提交", null, (i, t) -> {
			if (answers != null) {
				i.fill(t, answers, scope.policeData(), headmaster);
			}
			i.submit(t, withPhotos, user.displayName(), clock.instant());
		});
	}

	/**
	 * Accepts an inspection: the posture facts its answers set are recorded on the
	 * school's posture, and, when asked, every failing item is raised as a hazard on the
	 * ledger.
	 */
	@Transactional
	public Inspection accept(CurrentUser user, DataScope scope, long id, int version, String comment,
			boolean raiseHazards) {
		requireReviewer(user);
		Inspection accepted = change(user, scope, id, version, "验收通过", blank(comment),
				(i, t) -> i.accept(user.displayName(), clock.instant(), blank(comment)));
		ChecklistTemplate template = templateOf(accepted);
		Map<String, String> facts = accepted.postureFacts(template);
		if (!facts.isEmpty()) {
			postures.amend("检查验收 " + user.username(), accepted.schoolId(), facts);
		}
		if (raiseHazards) {
			for (Inspection.Finding f : accepted.findings(template, scope.policeData())) {
				if (f.failing()) {
					raiseFrom(user, scope, accepted, f);
				}
			}
		}
		events.publishEvent(new InspectionAccepted(accepted.id(), accepted.campaignId(), accepted.schoolId(), facts));
		return accepted;
	}

	@Transactional
	public Inspection returnForRework(CurrentUser user, DataScope scope, long id, int version, String comment) {
		requireReviewer(user);
		return change(user, scope, id, version, "退回", blank(comment),
				(i, t) -> i.returnForRework(user.displayName(), clock.instant(), comment));
	}

	/** The city picks a share (percent) of the accepted inspections for its own check. */
	@Transactional
	public int sample(CurrentUser user, DataScope scope, long campaignId, int percent, String region) {
		if (!maySample(user)) {
			throw new ForbiddenException("抽查由市级部门进行");
		}
		if (percent < 1 || percent > 100) {
			throw new InvalidInputException("percent", "抽查比例应为 1–100");
		}
		campaign(scope, campaignId);
		List<Long> candidates = new ArrayList<>(store.acceptedNotSampled(campaignId, scope, region));
		Collections.shuffle(candidates, new SecureRandom());
		int wanted = (int) Math.ceil(candidates.size() * percent / 100.0);
		int picked = 0;
		for (long id : candidates.subList(0, wanted)) {
			Inspection i = get(scope, id);
			if (i.pickForSampling() && store.update(i)) {
				store.step(id, "市级抽中", user.displayName(), clock.instant(), "抽查比例 " + percent + "%");
				picked++;
			}
		}
		audit.record("CAMPAIGN_SAMPLED", "inspection_campaign", campaignId, "抽查 " + picked + " 所（" + percent + "%）");
		return picked;
	}

	@Transactional
	public Inspection recordSample(CurrentUser user, DataScope scope, long id, int version, boolean passed,
			String comment) {
		if (!maySample(user)) {
			throw new ForbiddenException("抽查结论由市级部门填写");
		}
		return change(user, scope, id, version, passed ? "抽查通过" : "抽查不合格", blank(comment),
				(i, t) -> i.recordSample(passed, user.displayName(), clock.instant(), comment));
	}

	/** Raises one failing item as a hazard, with its clause as the requirement. */
	@Transactional
	public Hazard raiseHazard(CurrentUser user, DataScope scope, long id, String itemKey) {
		requireReviewer(user);
		Inspection inspection = get(scope, id);
		Inspection.Finding finding = inspection.findings(templateOf(inspection), scope.policeData())
			.stream()
			.filter(f -> f.item().key().equals(itemKey) && f.failing())
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("item", "该项目没有不符合的答案，无需登记隐患"));
		return raiseFrom(user, scope, inspection, finding);
	}

	private Hazard raiseFrom(CurrentUser user, DataScope scope, Inspection inspection, Inspection.Finding f) {
		ChecklistItem item = f.item();
		HazardCategory category = item.category() == null ? HazardCategory.OTHER
				: HazardCategory.valueOf(item.category());
		HazardGrade grade = item.grade() == null ? HazardGrade.GENERAL : HazardGrade.valueOf(item.grade());
		String person = inspection.headmaster() == null ? "校长（园长）" : inspection.headmaster();
		Hazard hazard = hazards.raise(user, scope,
				new HazardLedger.NewHazard(inspection.schoolId(), f.section(), category, grade,
						"检查发现：" + item.label() + "，" + f.explanation(),
						"按" + (item.clause() == null ? "检查表要求" : item.clause()) + "要求整改到位", inspection.schoolName(),
						person, null));
		store.step(inspection.id(), "登记隐患", user.displayName(), clock.instant(),
				hazard.noticeNumber() + " " + item.label());
		return hazard;
	}

	@Transactional
	public long addPhoto(CurrentUser user, DataScope scope, long id, String itemKey, String contentType, byte[] bytes) {
		requireFiller(user);
		Inspection inspection = get(scope, id);
		if (!inspection.state().editable()) {
			throw new InvalidInputException("photo", "检查表已提交，不能再添加照片");
		}
		ChecklistTemplate template = templateOf(inspection);
		if (template.item(itemKey).isEmpty()) {
			throw new InvalidInputException("photo", "照片所属的检查项目不存在");
		}
		String type = Photos.checkedType(bytes);
		if (store.photos(id).size() >= MAX_PHOTOS) {
			throw new InvalidInputException("photo", "每张检查表最多 " + MAX_PHOTOS + " 张照片");
		}
		long photoId = store.insertPhoto(id, itemKey, type, bytes, user.displayName(), clock.instant());
		store.step(id, "上传照片", user.displayName(), clock.instant(), template.item(itemKey).get().label());
		return photoId;
	}

	/** A photo's bytes, only for users whose scope covers the inspection. */
	public InspectionStore.PhotoContent photo(DataScope scope, long id, long photoId) {
		get(scope, id);
		return store.photo(id, photoId).orElseThrow(() -> new NotFoundException("照片不存在"));
	}

	private interface Move {

		void apply(Inspection inspection, ChecklistTemplate template);

	}

	private Inspection change(CurrentUser user, DataScope scope, long id, int version, String action, String comment,
			Move move) {
		Inspection i = get(scope, id);
		if (i.version() != version) {
			throw new ConcurrentEditException(i.schoolName() + "的检查表");
		}
		move.apply(i, templateOf(i));
		if (!store.update(i)) {
			throw new ConcurrentEditException(i.schoolName() + "的检查表");
		}
		store.step(id, action, user.displayName(), clock.instant(), comment);
		audit.record("INSPECTION_" + i.state().name(), "inspection", id, i.schoolName() + " " + action);
		return get(scope, id);
	}

	private void requireFiller(CurrentUser user) {
		if (!mayFill(user)) {
			throw new ForbiddenException("检查表由学校和属地派出所填写");
		}
	}

	private void requireReviewer(CurrentUser user) {
		if (!mayReview(user)) {
			throw new ForbiddenException("验收须由上级教育、公安部门进行");
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
