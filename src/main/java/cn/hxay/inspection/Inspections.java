package cn.hxay.inspection;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.hxay.audit.AuditTrail;
import cn.hxay.hazard.Hazard;
import cn.hxay.hazard.HazardCategory;
import cn.hxay.hazard.HazardDeadlines;
import cn.hxay.hazard.HazardGrade;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.posture.Postures;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;
import cn.hxay.shared.documents.PhotoStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final HazardDeadlines deadlines;

	private final CampaignLaunch launches;

	private final TransactionTemplate transactions;

	Inspections(InspectionStore store, Checklists checklists, SchoolRegistry schools, Organisations organisations,
			Postures postures, HazardLedger hazards, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			HazardDeadlines deadlines, CampaignLaunch launches, TransactionTemplate transactions) {
		this.deadlines = deadlines;
		this.launches = launches;
		this.transactions = transactions;
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
	 * the self-check phase's end: within the request for a county or a city, by a
	 * background job with its progress in PostgreSQL for more schools
	 * ({@link #launchProgress}).
	 */
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
		if (c.reporting() != null && c.reporting().length() > 300) {
			problems.add(Violation.of("reporting", "报送要求不能超过 300 字"));
		}
		for (String[] t : new String[][] { { "title", "检查名称", c.title() }, { "issuers", "发文单位", c.issuers() },
				{ "reporting", "报送要求", c.reporting() } }) {
			if (t[2] != null && !t[2].matches(PRINTABLE)) {
				problems.add(Violation.of(t[0], t[1] + "含有不可见的控制字符"));
			}
		}
		LocalDate earliest = today().minusDays(366);
		LocalDate latest = today().plusDays(2 * 366);
		List<LocalDate> dates = new ArrayList<>();
		dates.add(c.selfCheckFrom());
		dates.add(c.selfCheckDue());
		c.phases().forEach(p -> {
			dates.add(p.from());
			dates.add(p.to());
		});
		if (dates.stream().anyMatch(d -> d != null && (d.isBefore(earliest) || d.isAfter(latest)))) {
			problems.add(Violation.of("selfCheckDue", "日期须在 " + earliest + " 至 " + latest + " 之间（前后不超过一到两年）"));
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
			else if (p.name().length() > 50 || !p.name().matches(PRINTABLE)) {
				problems.add(Violation.of("phases", "第 " + (i + 1) + " 个阶段的名称应为 50 字以内的可见文字"));
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
		long covered = launches.schoolsCovered(scope, c.regionCode(), c.schoolKinds());
		if (covered == 0) {
			throw new InvalidInputException("regionCode", "所选范围内没有您管辖的学校");
		}
		Instant now = clock.instant();
		List<Phase> phases = c.phases().stream().map(p -> new Phase(p.name().strip(), p.from(), p.to())).toList();
		long id = transactions.execute(tx -> {
			long campaignId = store.insertCampaign(c.title().strip(), c.issuers().strip(), user.organisationId(),
					c.regionCode(), c.schoolKinds().stream().map(Enum::name).toList(), template, phases,
					c.selfCheckFrom(), c.selfCheckDue(),
					c.reporting() == null || c.reporting().isBlank() ? null : c.reporting().strip(), user.displayName(),
					user.organisationId(), now);
			launches.started(campaignId, covered, now);
			audit.record("CAMPAIGN_LAUNCHED", "inspection_campaign", campaignId,
					c.title().strip() + "，" + covered + " 所学校，模板 " + template.label());
			return campaignId;
		});
		launches.handOut(id, covered, scope, c.regionCode(), c.schoolKinds(), c.selfCheckDue());
		return campaign(scope, id);
	}

	/**
	 * How far the handing out of a campaign's forms has got; empty for a campaign handed
	 * out before progress was kept.
	 */
	public java.util.Optional<LaunchProgress> launchProgress(DataScope scope, long campaignId) {
		campaign(scope, campaignId);
		return launches.progress(campaignId);
	}

	public Paged<Campaign> campaigns(DataScope scope, PageRequest page) {
		return store.campaigns(scope, page);
	}

	/**
	 * The 待会签 filter of the campaign list: campaigns with forms in scope the police
	 * station has still to co-sign, each with that number of forms.
	 */
	Paged<InspectionStore.CampaignToCosign> campaignsToCosign(DataScope scope, PageRequest page) {
		return store.campaignsToCosign(scope, page);
	}

	public Campaign campaign(DataScope scope, long id) {
		return store.campaign(id, scope).orElseThrow(() -> new NotFoundException("检查任务不存在或不在您的管辖范围内"));
	}

	/** Progress per county, named, with a total row last. */
	public List<CampaignProgress> progress(DataScope scope, long campaignId) {
		campaign(scope, campaignId);
		List<CampaignProgress> rows = new ArrayList<>();
		long[] sum = new long[6];
		for (CampaignProgress p : store.progress(campaignId, scope, today())) {
			rows.add(p.named(organisations.region(p.regionCode()).name()));
			sum[0] += p.assigned();
			sum[1] += p.submitted();
			sum[2] += p.accepted();
			sum[3] += p.returned();
			sum[4] += p.missed();
			sum[5] += p.sampled();
		}
		rows.add(new CampaignProgress("", "合计", sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]));
		return rows;
	}

	/**
	 * The list filters: every state, and the dashboard's figures 已提交 (submitted or
	 * accepted), 逾期未报, 待会签 (filled in, not yet co-signed) and 抽查.
	 */
	public static final Map<String, String> LIST_FILTERS = listFilters();

	private static Map<String, String> listFilters() {
		Map<String, String> filters = new java.util.LinkedHashMap<>();
		for (InspectionState s : InspectionState.values()) {
			filters.put(s.name(), s.label());
		}
		filters.put("REPORTED", "已提交（含已验收）");
		filters.put("MISSED", "逾期未报");
		filters.put("COSIGN", "待派出所会签");
		filters.put("SAMPLED", "市级抽中");
		return java.util.Collections.unmodifiableMap(filters);
	}

	/**
	 * How many forms {@link #inspections} lists for a filter without a name: the count of
	 * a to-do tile, without reading a page of forms.
	 */
	public long count(DataScope scope, long campaignId, String state) {
		campaign(scope, campaignId);
		return store.count(campaignId, scope, null, state, today());
	}

	public Paged<Inspection> inspections(DataScope scope, long campaignId, String region, String state, String text,
			PageRequest page) {
		campaign(scope, campaignId);
		if (state != null && !state.isBlank() && !LIST_FILTERS.containsKey(state)) {
			throw new InvalidInputException("state",
					"没有这个状态：" + (state.length() > 20 ? state.substring(0, 20) : state));
		}
		if (region != null && !region.isBlank() && !region.matches("\\d{2,6}")) {
			throw new InvalidInputException("region", "地区代码应为数字");
		}
		if (text != null && (text.length() > 100 || !text.matches(PRINTABLE))) {
			throw new InvalidInputException("q", "学校名称检索词应为 100 字以内的可见文字");
		}
		return store.page(campaignId, scope, region, state, text, today(), page);
	}

	/** Printable text: no NUL or other control characters except tab and line breaks. */
	static final String PRINTABLE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	/** Today in Beijing by the platform clock. */
	public LocalDate today() {
		return PlatformTime.today(clock);
	}

	/** Every inspection of a campaign in scope (for the district summary form). */
	public List<Inspection> allInspections(DataScope scope, long campaignId, String region) {
		campaign(scope, campaignId);
		if (region != null && !region.isBlank() && !region.matches("\\d{2,6}")) {
			throw new NotFoundException("没有这个地区");
		}
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

	/** The form's history; lines about police-only items only for police readers. */
	public List<InspectionStore.Step> steps(DataScope scope, long id) {
		get(scope, id);
		return store.steps(id, scope.policeData());
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
		if (posture.cameras() != null) {
			template.item("cameras").map(inspection::answer).map(ChecklistItem::number).ifPresent(typed -> {
				if (typed.longValue() != posture.cameras()) {
					notes.add("检查表填报视频探头 " + typed.toPlainString() + " 个，学校安全防范档案登记 " + posture.cameras()
							+ " 个：请核实，并在“安全防范情况”中更正");
				}
			});
		}
		return notes;
	}

	/**
	 * Answers taken from the school's security posture record for the items not answered
	 * yet (guards, certified guards, cameras, alarms and the other yes/no facts an item
	 * is tied to), so the school confirms or corrects its record instead of typing it
	 * again. Police-only items are never prefilled.
	 */
	public Map<String, String> postureAnswers(Inspection inspection, ChecklistTemplate template) {
		Map<String, String> answers = new java.util.LinkedHashMap<>();
		var posture = postures.current(inspection.schoolId());
		for (ChecklistItem item : template.items()) {
			if (item.sensitive() || inspection.answer(item) != null) {
				continue;
			}
			Object value = switch (item.key()) {
				case "guards" -> posture.guardsReported() ? posture.guardCount() : null;
				case "certifiedGuards" -> posture.guardsReported() ? posture.certifiedGuards() : null;
				default -> item.posture().size() == 1 ? fact(posture, item.posture().get(0)) : null;
			};
			boolean fits = value != null && switch (item.type()) {
				case YES_NO -> value instanceof Boolean;
				case NUMBER -> value instanceof Number;
				case TEXT -> value instanceof String;
				default -> false;
			};
			if (fits) {
				answers.put(item.key(), value.toString());
			}
		}
		return answers;
	}

	private static Object fact(Object posture, String name) {
		for (var component : posture.getClass().getRecordComponents()) {
			if (component.getName().equals(name)) {
				try {
					return component.getAccessor().invoke(posture);
				}
				catch (ReflectiveOperationException ex) {
					return null;
				}
			}
		}
		return null;
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

	/**
	 * Leaves an audit row when a police reader opens a form that holds police-only
	 * answers (the page, Annex 1 as Excel or PDF): sensitive reads are traceable.
	 */
	@Transactional
	public void auditPoliceRead(DataScope scope, Inspection inspection, String what) {
		if (!scope.policeData()) {
			return;
		}
		ChecklistTemplate template = templateOf(inspection);
		boolean sensitive = template.items()
			.stream()
			.anyMatch(item -> item.sensitive() && inspection.answer(item) != null);
		if (sensitive) {
			audit.record("INSPECTION_SENSITIVE_READ", "inspection", inspection.id(),
					inspection.schoolName() + " 含涉敏项的" + what);
		}
	}

	/**
	 * The open hazards raised from the form's items, by item, as far as the reader may
	 * see.
	 */
	public Map<String, Hazard> openHazards(DataScope scope, Inspection inspection) {
		return hazards.openFromInspection(scope, inspection.id());
	}

	/**
	 * The labels of the police-only items still unanswered (none once the station
	 * declared 无涉敏问题).
	 */
	public List<String> policePartMissing(Inspection inspection, ChecklistTemplate template) {
		return inspection.policePartMissing(template).stream().map(ChecklistItem::label).toList();
	}

	public boolean missed(Inspection inspection) {
		return inspection.missed(today());
	}

	@Transactional
	public Inspection saveDraft(CurrentUser user, DataScope scope, long id, int version, Map<String, String> answers,
			String headmaster) {
		return saveDraft(user, scope, id, version, answers, headmaster, null);
	}

	/**
	 * Saves a draft; the police station may also declare (or take back) that it has no
	 * sensitive findings.
	 */
	@Transactional
	public Inspection saveDraft(CurrentUser user, DataScope scope, long id, int version, Map<String, String> answers,
			String headmaster, Boolean noSensitiveFindings) {
		requireFiller(user);
		return change(user, scope, id, version, "保存草稿", null, (i, t) -> {
			i.fill(t, answers, scope.policeData(), headmaster);
			declare(user, scope, i, noSensitiveFindings);
		});
	}

	@Transactional
	public Inspection cosign(CurrentUser user, DataScope scope, long id, int version) {
		return cosign(user, scope, id, version, Map.of(), null, null);
	}

	/**
	 * The police station saves what is on the page (answers, the headmaster's name, its
	 * 无涉敏问题 declaration) and co-signs, in one step: nothing typed before pressing 会签 is
	 * lost, and a refused answer refuses the co-signature too.
	 * @param noSensitiveFindings the station's declaration, or {@code null} to leave it
	 */
	@Transactional
	public Inspection cosign(CurrentUser user, DataScope scope, long id, int version, Map<String, String> answers,
			String headmaster, Boolean noSensitiveFindings) {
		if (!mayCosign(user)) {
			throw new ForbiddenException("会签须由属地派出所民警进行");
		}
		String station = organisations.get(user.organisationId()).name();
		return change(user, scope, id, version, "派出所会签", station, (i, t) -> {
			i.fill(t, answers, scope.policeData(), headmaster);
			declare(user, scope, i, noSensitiveFindings);
			i.cosign(user.displayName(), station, clock.instant());
		});
	}

	private void declare(CurrentUser user, DataScope scope, Inspection i, Boolean noSensitiveFindings) {
		if (noSensitiveFindings == null || (noSensitiveFindings == (i.noSensitiveFindingsBy() != null))) {
			return;
		}
		if (!mayCosign(user) || !scope.policeData()) {
			throw new ForbiddenException("“无涉敏问题”须由属地派出所声明");
		}
		String station = organisations.get(user.organisationId()).name();
		i.declareNoSensitiveFindings(noSensitiveFindings, station + " " + user.displayName(), clock.instant());
	}

	@Transactional
	public Inspection submit(CurrentUser user, DataScope scope, long id, int version, Map<String, String> answers,
			String headmaster) {
		return submit(user, scope, id, version, answers, headmaster, null);
	}

	@Transactional
	public Inspection submit(CurrentUser user, DataScope scope, long id, int version, Map<String, String> answers,
			String headmaster, Boolean noSensitiveFindings) {
		requireFiller(user);
		Set<String> withPhotos = store.photos(id)
			.stream()
			.map(InspectionStore.Photo::itemKey)
			.collect(Collectors.toSet());
		return change(user, scope, id, version, "提交", null, (i, t) -> {
			if (answers != null) {
				i.fill(t, answers, scope.policeData(), headmaster);
			}
			declare(user, scope, i, noSensitiveFindings);
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
		return accept(user, scope, id, version, comment, raiseHazards, null);
	}

	/**
	 * Accepts an inspection; failing items raised as hazards get {@code deadline}, or
	 * when none is given the ledger default of their grade (一般 7 days, 较大 30, 重大 90, or
	 * longer where the region sets so).
	 */
	@Transactional
	public Inspection accept(CurrentUser user, DataScope scope, long id, int version, String comment,
			boolean raiseHazards, java.time.LocalDate deadline) {
		requireReviewer(user);
		text("comment", "验收意见", comment);
		Inspection accepted = change(user, scope, id, version, "验收通过", blank(comment),
				(i, t) -> i.accept(t, user.displayName(), clock.instant(), blank(comment)));
		ChecklistTemplate template = templateOf(accepted);
		Map<String, String> facts = accepted.postureFacts(template);
		if (!facts.isEmpty()) {
			postures.amend("检查验收 " + user.username(), accepted.schoolId(), facts);
		}
		if (raiseHazards) {
			Map<String, Hazard> open = hazards.openFromInspection(DataScope.everything(true), accepted.id());
			for (Inspection.Finding f : accepted.findings(template, scope.policeData())) {
				if (f.failing() && !open.containsKey(f.item().key())) {
					raiseFrom(user, scope, accepted, f, null, deadline);
				}
			}
		}
		events.publishEvent(new InspectionAccepted(accepted.id(), accepted.campaignId(), accepted.schoolId(), facts));
		return accepted;
	}

	/**
	 * Accepts in one step every submitted form of a campaign in the reviewer's scope that
	 * has no failing item (police-only items included, though the reviewer may not see
	 * them) and no police part missing; forms with failing items stay for one-by-one
	 * review. Returns how many were accepted.
	 */
	@Transactional
	public int acceptWithoutFailings(CurrentUser user, DataScope scope, long campaignId, boolean confirmed) {
		requireReviewer(user);
		campaign(scope, campaignId);
		if (!confirmed) {
			throw new InvalidInputException("confirm", "请确认批量验收");
		}
		int accepted = 0;
		for (Inspection i : store.all(campaignId, scope, null)) {
			if (i.state() != InspectionState.SUBMITTED) {
				continue;
			}
			ChecklistTemplate template = templateOf(i);
			boolean failing = i.findings(template, true).stream().anyMatch(Inspection.Finding::failing);
			if (!failing && policePartMissing(i, template).isEmpty()) {
				accept(user, scope, i.id(), i.version(), "批量验收：无不符合项", false, null);
				accepted++;
			}
		}
		return accepted;
	}

	@Transactional
	public Inspection returnForRework(CurrentUser user, DataScope scope, long id, int version, String comment) {
		requireReviewer(user);
		text("comment", "退回理由", comment);
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
		if (region != null && !region.isBlank() && !region.matches("\\d{2,6}")) {
			throw new InvalidInputException("region", "地区代码应为数字");
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
		text("comment", "抽查意见", comment, 1900);
		return change(user, scope, id, version, passed ? "抽查通过" : "抽查不合格", blank(comment),
				(i, t) -> i.recordSample(passed, user.displayName(), clock.instant(), comment));
	}

	/**
	 * Raises one failing item of an accepted form as a hazard, with its clause as the
	 * requirement; an item that already has an open hazard is refused, naming it.
	 */
	@Transactional
	public Hazard raiseHazard(CurrentUser user, DataScope scope, long id, String itemKey) {
		return raiseHazard(user, scope, id, itemKey, null, null);
	}

	/**
	 * Raises one failing item as a hazard at the 部位 and with the deadline the reviewer
	 * set (blank: the item's own subject and the ledger default of its grade).
	 */
	@Transactional
	public Hazard raiseHazard(CurrentUser user, DataScope scope, long id, String itemKey, String place,
			java.time.LocalDate deadline) {
		requireReviewer(user);
		Inspection inspection = get(scope, id);
		if (inspection.state() != InspectionState.ACCEPTED) {
			throw new InvalidInputException("item", "只有验收通过的检查表才能将不符合项登记为隐患");
		}
		Inspection.Finding finding = inspection.findings(templateOf(inspection), scope.policeData())
			.stream()
			.filter(f -> f.item().key().equals(itemKey) && f.failing())
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("item", "该项目没有不符合的答案，无需登记隐患"));
		return raiseFrom(user, scope, inspection, finding, place, deadline);
	}

	/**
	 * The 部位 a failing item is put on the ledger at unless the reviewer names one: what
	 * the item is about (门卫室24小时值守, 硬质防冲撞设施), not the checklist section.
	 */
	public static String placeOf(ChecklistItem item) {
		String subject = item.label().replace("是否", "").replaceFirst("(有无|情况|如何)$", "").strip();
		return subject.isEmpty() ? item.label() : subject.length() > 100 ? subject.substring(0, 100) : subject;
	}

	/**
	 * The previous and next submitted forms waiting for review in the same campaign,
	 * within the scope (either may be {@code null}).
	 */
	public Long[] reviewNeighbours(DataScope scope, Inspection inspection) {
		return new Long[] {
				store
					.neighbourToReview(inspection.campaignId(), inspection.submittedAt(), inspection.id(), scope, false)
					.orElse(null),
				store.neighbourToReview(inspection.campaignId(), inspection.submittedAt(), inspection.id(), scope, true)
					.orElse(null) };
	}

	/** The ledger deadline a failing item gets unless the reviewer sets one. */
	public java.time.LocalDate ledgerDeadline(Inspection inspection, ChecklistItem item) {
		return PlatformTime.today(clock).plusDays(deadlines.ledgerDaysFor(inspection.regionCode(), gradeOf(item)));
	}

	private static HazardGrade gradeOf(ChecklistItem item) {
		return item.grade() == null ? HazardGrade.GENERAL : HazardGrade.valueOf(item.grade());
	}

	private Hazard raiseFrom(CurrentUser user, DataScope scope, Inspection inspection, Inspection.Finding f,
			String place, java.time.LocalDate deadline) {
		ChecklistItem item = f.item();
		HazardCategory category = item.category() == null ? HazardCategory.OTHER
				: HazardCategory.valueOf(item.category());
		HazardGrade grade = gradeOf(item);
		String person = inspection.headmaster() == null ? "校长（园长）" : inspection.headmaster();
		String at = place == null || place.isBlank() ? placeOf(item) : place.strip();
		Hazard hazard = hazards.raiseFromInspection(user, scope,
				new HazardLedger.NewHazard(inspection.schoolId(), at, category, grade,
						"检查发现：" + item.label() + "，" + f.explanation(),
						"按" + (item.clause() == null ? "检查表要求" : item.clause()) + "要求整改到位", inspection.schoolName(),
						person, deadline != null ? deadline : ledgerDeadline(inspection, item)),
				inspection.id(), item.key(), item.sensitive());
		store.step(inspection.id(), "登记隐患", user.displayName(), clock.instant(),
				hazard.noticeNumber() + " " + item.label(), item.sensitive());
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
		String type = PhotoStore.check(bytes);
		if (store.photoStore().count(id) >= MAX_PHOTOS) {
			throw new InvalidInputException("photo", "每张检查表最多 " + MAX_PHOTOS + " 张照片");
		}
		long photoId = store.photoStore().insert(id, itemKey, type, bytes, user.displayName(), clock.instant());
		store.step(id, "上传照片", user.displayName(), clock.instant(), template.item(itemKey).get().label());
		return photoId;
	}

	/** A photo's bytes, only for users whose scope covers the inspection. */
	public PhotoStore.PhotoContent photo(DataScope scope, long id, long photoId) {
		get(scope, id);
		return store.photoStore().content(id, photoId).orElseThrow(() -> new NotFoundException("照片不存在"));
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

	/** Free text of at most 2000 characters without control characters. */
	private static void text(String field, String label, String value) {
		text(field, label, value, 2000);
	}

	private static void text(String field, String label, String value, int max) {
		if (value == null) {
			return;
		}
		if (value.length() > max) {
			throw new InvalidInputException(field, label + "不能超过 " + max + " 字");
		}
		if (!value.matches(PRINTABLE)) {
			throw new InvalidInputException(field, label + "含有不可见的控制字符");
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
