package cn.hxay.inspection;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.hxay.shared.database.StepHistory;
import cn.hxay.shared.documents.PhotoStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Campaigns, inspections, their steps and photos in PostgreSQL. Every inspection read
 * applies the caller's data scope through the units the inspection belongs to (school,
 * education bureau, police station, township).
 */
@Repository
class InspectionStore {

	private static final String SCOPE = DataScope.where("i");

	private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
	};

	private static final TypeReference<List<Phase>> PHASES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final StepHistory history;

	private final PhotoStore photos;

	InspectionStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.history = new StepHistory(jdbc, "inspection_step", "inspection_id", "action", "comment");
		this.photos = new PhotoStore(jdbc, "inspection_photo", "inspection_id", "item_key");
		this.json = json;
	}

	long insertCampaign(String title, String issuers, long scopeUnitId, String scopeRegion, List<String> kinds,
			ChecklistTemplate template, List<Phase> phases, LocalDate from, LocalDate due, String reporting,
			String createdBy, long createdUnitId, Instant at) {
		return jdbc.sql("""
				insert into inspection_campaign (title, issuers, scope_unit_id, scope_region, school_kinds,
				  template_code, template_version, template, phases, self_check_from, self_check_due, reporting,
				  created_by, created_unit_id, created_at)
				values (?, ?, ?, ?, ?, ?, ?, cast(? as json), cast(? as json), ?, ?, ?, ?, ?, ?) returning id""")
			.params(title, issuers, scopeUnitId, scopeRegion, String.join(",", kinds), template.code(),
					template.version(), json.writeValueAsString(template), json.writeValueAsString(phases), from, due,
					reporting, createdBy, createdUnitId, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	Optional<Campaign> campaign(long id) {
		return jdbc.sql("select * from inspection_campaign where id = ?").param(id).query(this::mapCampaign).optional();
	}

	/**
	 * The campaign rule: issued by or for a unit in scope, or covering a school in it;
	 * bound through the data scope's own parameters.
	 */
	private static final String VISIBLE = "(:scopeAll or c.created_unit_id = any(:scopeIds)"
			+ " or c.scope_unit_id = any(:scopeIds)"
			+ " or exists (select 1 from inspection i where i.campaign_id = c.id and " + SCOPE + "))";

	/**
	 * {@link #VISIBLE} above a school: a school in scope is looked for in the campaign's
	 * summary rows ({@code inspection_figure}, one per group of forms) rather than among
	 * its (possibly 100,000) forms.
	 */
	private static final String VISIBLE_ABOVE_SCHOOL = "(:scopeAll or c.created_unit_id = any(:scopeIds)"
			+ " or c.scope_unit_id = any(:scopeIds) or exists (select 1 from inspection_figure f"
			+ " where f.campaign_id = c.id and f.forms > 0 and f.unit_ids && :scopeIds))";

	private static String visible(DataScope scope) {
		return scope.oneSchool() ? VISIBLE : VISIBLE_ABOVE_SCHOOL;
	}

	/**
	 * Campaigns a user may see, newest first: issued by or for a unit in scope, or
	 * covering a school in it.
	 */
	Paged<Campaign> campaigns(DataScope scope, PageRequest page) {
		long total = scope.bind(jdbc.sql("select count(*) from inspection_campaign c where " + visible(scope)))
			.query(Long.class)
			.single();
		List<Campaign> items = scope
			.bind(jdbc.sql("select c.* from inspection_campaign c where " + visible(scope)
					+ " order by c.created_at desc, c.id desc limit " + page.size() + " offset " + page.offset()))
			.query(this::mapCampaign)
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	/** A form the police station has still to co-sign: filled in, not yet signed. */
	static final String AWAITING_COSIGN = "i.state in ('DRAFT', 'RETURNED') and i.cosigned_by is null";

	/** A campaign with the number of its forms in scope waiting for the station's 会签. */
	public record CampaignToCosign(Campaign campaign, long forms) {
	}

	/**
	 * The campaigns with forms in scope waiting for 会签, newest first: the 待会签 filter of
	 * the campaign list; {@link Paged#total()} is the count shown on the filter.
	 */
	Paged<CampaignToCosign> campaignsToCosign(DataScope scope, PageRequest page) {
		long total = scope
			.bind(jdbc.sql("select count(distinct i.campaign_id) from inspection i where " + SCOPE + " and "
					+ AWAITING_COSIGN))
			.query(Long.class)
			.single();
		List<CampaignToCosign> items = scope
			.bind(jdbc.sql("select c.*, w.forms from inspection_campaign c join"
					+ " (select i.campaign_id, count(*) as forms from inspection i where " + SCOPE + " and "
					+ AWAITING_COSIGN + " group by i.campaign_id) w on w.campaign_id = c.id"
					+ " order by c.created_at desc, c.id desc limit " + page.size() + " offset " + page.offset()))
			.query((rs, n) -> new CampaignToCosign(mapCampaign(rs, n), rs.getLong("forms")))
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	Optional<Campaign> campaign(long id, DataScope scope) {
		return scope.bind(jdbc.sql("select c.* from inspection_campaign c where c.id = :id and " + visible(scope)))
			.param("id", id)
			.query(this::mapCampaign)
			.optional();
	}

	/** One assignment per school, in one statement per thousand schools. */
	void assign(long campaignId, LocalDate due, List<Assignment> assignments) {
		for (int from = 0; from < assignments.size(); from += 1000) {
			List<Assignment> chunk = assignments.subList(from, Math.min(assignments.size(), from + 1000));
			jdbc.sql("""
					insert into inspection (campaign_id, school_id, school_name, region_code, unit_ids, station_name,
					  state, due)
					select ?, s.school_id, s.school_name, s.region_code, string_to_array(s.units, ',')::bigint[],
					  s.station, 'ASSIGNED', ?
					from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
					  as s(school_id, school_name, region_code, units, station)""")
				.params(campaignId, due, chunk.stream().map(Assignment::schoolId).toArray(Long[]::new),
						chunk.stream().map(Assignment::schoolName).toArray(String[]::new),
						chunk.stream().map(Assignment::regionCode).toArray(String[]::new),
						chunk.stream()
							.map(a -> String.join(",", Arrays.stream(a.unitIds()).map(String::valueOf).toList()))
							.toArray(String[]::new),
						chunk.stream().map(Assignment::stationName).toArray(String[]::new))
				.update();
		}
	}

	record Assignment(long schoolId, String schoolName, String regionCode, Long[] unitIds, String stationName) {
	}

	/** The school's form of its latest campaign, within the scope. */
	Optional<Inspection> latestOf(long schoolId, DataScope scope) {
		return scope
			.bind(jdbc.sql("select * from inspection i where i.school_id = :school and " + SCOPE
					+ " order by i.campaign_id desc, i.id desc limit 1"))
			.param("school", schoolId)
			.query(this::mapInspection)
			.optional();
	}

	Optional<Inspection> byId(long id, DataScope scope) {
		return scope.bind(jdbc.sql("select * from inspection i where i.id = :id and " + SCOPE))
			.param("id", id)
			.query(this::mapInspection)
			.optional();
	}

	/**
	 * One page of a campaign's inspections; {@code state} is a state or one of the
	 * dashboard's figures: {@code MISSED} (not submitted by the complete-by date),
	 * {@code REPORTED} (submitted or accepted), {@code SAMPLED}. Each figure of
	 * {@link #progress} counts exactly the list of its filter.
	 */
	Paged<Inspection> page(long campaignId, DataScope scope, String region, String state, String text, LocalDate today,
			PageRequest page) {
		String where = " from inspection i where i.campaign_id = :campaign and " + DataScope.whereInRegion("i") + """
				and (cast(:region as varchar) is null or i.region_code like :region)
				and (cast(:text as varchar) is null or i.school_name like :text)
				and (cast(:state as varchar) is null
				     or (:state = 'MISSED' and i.state in ('ASSIGNED', 'DRAFT', 'RETURNED') and i.due < :today)
				     or (:state = 'REPORTED' and i.state in ('SUBMITTED', 'ACCEPTED'))
				     or (:state = 'COSIGN' and (""" + AWAITING_COSIGN + """
				))
				     or (:state = 'SAMPLED' and i.sampled)
				     or i.state = :state)""";
		long total = (text == null || text.isBlank()) && !scope.oneSchool()
				? count(campaignId, scope, region, state, today)
				: bind(jdbc.sql("select count(*)" + where), campaignId, scope, region, state, text, today)
					.query(Long.class)
					.single();
		List<Inspection> items = bind(jdbc.sql("select *" + where + " order by i.region_code, i.school_name, i.id"
				+ " limit " + page.size() + " offset " + page.offset()), campaignId, scope, region, state, text, today)
			.query(this::mapInspection)
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	/**
	 * The submitted form waiting for review that comes before or after the given one in
	 * its campaign (by submission time, then id), within the scope: the reviewer's
	 * previous/next.
	 */
	java.util.Optional<Long> neighbourToReview(long campaignId, java.time.Instant submittedAt, long id, DataScope scope,
			boolean next) {
		String order = next
				? "(coalesce(i.submitted_at, '-infinity'), i.id) > (cast(:at as timestamptz), :id)"
						+ " order by i.submitted_at, i.id"
				: "(coalesce(i.submitted_at, '-infinity'), i.id) < (cast(:at as timestamptz), :id)"
						+ " order by i.submitted_at desc, i.id desc";
		return scope
			.bind(jdbc.sql("select i.id from inspection i where i.campaign_id = :campaign and i.state = 'SUBMITTED'"
					+ " and " + SCOPE + " and " + order + " limit 1"))
			.param("campaign", campaignId)
			.param("at",
					submittedAt == null ? java.time.OffsetDateTime.parse("1970-01-01T00:00:00Z")
							: submittedAt.atOffset(java.time.ZoneOffset.UTC))
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	List<Inspection> all(long campaignId, DataScope scope, String region) {
		return bind(
				jdbc.sql("select * from inspection i where i.campaign_id = :campaign and " + SCOPE
						+ " and (cast(:region as varchar) is null or i.region_code like :region)"
						+ " order by i.region_code, i.station_name, i.school_name"),
				campaignId, scope, region, null, null, null)
			.query(this::mapInspection)
			.list();
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, long campaignId, DataScope scope,
			String region, String state, String text, LocalDate today) {
		return scope.bind(spec)
			.param("campaign", campaignId)
			.param("region", region == null || region.isBlank() ? null : region.replaceAll("0+$", "") + "%")
			.param("state", state == null || state.isBlank() ? null : state)
			.param("text", text == null || text.isBlank() ? null : "%" + text.strip() + "%")
			.param("today", today);
	}

	/**
	 * The forms of {@link #page} without a name searched, counted from the summary
	 * {@code inspection_figure} (V921: forms per campaign, county, state, due date,
	 * sampled, co-signed and the units above the school, kept by triggers); not for a
	 * school's own scope, which the summary does not name.
	 */
	long count(long campaignId, DataScope scope, String region, String state, LocalDate today) {
		if (scope.oneSchool()) {
			return page(campaignId, scope, region, state, null, today, new PageRequest(0, 1)).total();
		}
		return bind(jdbc.sql("select coalesce(sum(f.forms), 0) from inspection_figure f where f.campaign_id = :campaign"
				+ " and " + FIGURE_SCOPE + """
						and (cast(:region as varchar) is null or f.region_code like :region)
						and (cast(:state as varchar) is null
						     or (:state = 'MISSED' and f.state in ('ASSIGNED', 'DRAFT', 'RETURNED') and f.due < :today)
						     or (:state = 'REPORTED' and f.state in ('SUBMITTED', 'ACCEPTED'))
						     or (:state = 'COSIGN' and f.state in ('DRAFT', 'RETURNED') and not f.cosigned)
						     or (:state = 'SAMPLED' and f.sampled)
						     or f.state = :state)"""), campaignId, scope, region, state, null, today)
			.query(Long.class)
			.single();
	}

	private static final String FIGURE_SCOPE = DataScope.where("f");

	/** Progress per county: counts by state and the missed ones. */
	List<CampaignProgress> progress(long campaignId, DataScope scope, LocalDate today) {
		if (!scope.oneSchool()) {
			return scope
				.bind(jdbc
					.sql("""
							select f.region_code,
							  sum(f.forms) as assigned,
							  coalesce(sum(f.forms) filter (where f.state in ('SUBMITTED', 'ACCEPTED')), 0) as submitted,
							  coalesce(sum(f.forms) filter (where f.state = 'ACCEPTED'), 0) as accepted,
							  coalesce(sum(f.forms) filter (where f.state = 'RETURNED'), 0) as returned,
							  coalesce(sum(f.forms) filter (where f.state in ('ASSIGNED', 'DRAFT', 'RETURNED') and f.due < :today), 0)
							    as missed,
							  coalesce(sum(f.forms) filter (where f.sampled), 0) as sampled
							from inspection_figure f where f.campaign_id = :campaign and """
							+ FIGURE_SCOPE + """
									group by f.region_code having sum(f.forms) > 0 order by f.region_code"""))
				.param("campaign", campaignId)
				.param("today", today)
				.query((rs, n) -> new CampaignProgress(rs.getString("region_code"), null, rs.getLong("assigned"),
						rs.getLong("submitted"), rs.getLong("accepted"), rs.getLong("returned"), rs.getLong("missed"),
						rs.getLong("sampled")))
				.list();
		}
		return scope.bind(jdbc.sql("""
				select i.region_code,
				  count(*) as assigned,
				  count(*) filter (where i.state in ('SUBMITTED', 'ACCEPTED')) as submitted,
				  count(*) filter (where i.state = 'ACCEPTED') as accepted,
				  count(*) filter (where i.state = 'RETURNED') as returned,
				  count(*) filter (where i.state in ('ASSIGNED', 'DRAFT', 'RETURNED') and i.due < :today) as missed,
				  count(*) filter (where i.sampled) as sampled
				from inspection i where i.campaign_id = :campaign and """ + SCOPE + """
				group by i.region_code order by i.region_code"""))
			.param("campaign", campaignId)
			.param("today", today)
			.query((rs, n) -> new CampaignProgress(rs.getString("region_code"), null, rs.getLong("assigned"),
					rs.getLong("submitted"), rs.getLong("accepted"), rs.getLong("returned"), rs.getLong("missed"),
					rs.getLong("sampled")))
			.list();
	}

	boolean update(Inspection i) {
		return jdbc.sql("""
				update inspection set state = ?, answers = cast(? as jsonb), sensitive_answers = cast(? as jsonb),
				  headmaster = ?, cosigned_by = ?, cosigned_station = ?, cosigned_at = ?, submitted_by = ?,
				  submitted_at = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ?, sampled = ?,
				  sample_result = ?, no_sensitive_findings_by = ?, no_sensitive_findings_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(i.state().name(), json.writeValueAsString(i.answers()),
					json.writeValueAsString(i.sensitiveAnswers()), i.headmaster(), i.cosignedBy(), i.cosignedStation(),
					ts(i.cosignedAt()), i.submittedBy(), ts(i.submittedAt()), i.reviewedBy(), ts(i.reviewedAt()),
					i.reviewComment(), i.sampled(), i.sampleResult(), i.noSensitiveFindingsBy(),
					ts(i.noSensitiveFindingsAt()), i.id(), i.version())
			.update() == 1;
	}

	void step(long inspectionId, String action, String actor, Instant at, String comment) {
		history.record(inspectionId, action, actor, at, comment, false);
	}

	/**
	 * A history line; a sensitive one (about a police-only item) only police readers see.
	 */
	void step(long inspectionId, String action, String actor, Instant at, String comment, boolean sensitive) {
		history.record(inspectionId, action, actor, at, comment, sensitive);
	}

	List<Step> steps(long inspectionId, boolean police) {
		return history.steps(inspectionId, police)
			.stream()
			.map(s -> new Step(s.action(), s.actor(), s.at(), s.comment()))
			.toList();
	}

	/**
	 * The photos of the inspection's items (table inspection_photo, labelled by item).
	 */
	PhotoStore photoStore() {
		return photos;
	}

	List<Photo> photos(long inspectionId) {
		return photos.list(inspectionId)
			.stream()
			.map(p -> new Photo(p.id(), p.label(), p.contentType(), p.sizeBytes(), p.uploadedBy(), p.uploadedAt()))
			.toList();
	}

	List<Long> acceptedNotSampled(long campaignId, DataScope scope, String region) {
		return bind(
				jdbc.sql("select i.id from inspection i where i.campaign_id = :campaign and " + SCOPE
						+ " and i.state = 'ACCEPTED' and not i.sampled"
						+ " and (cast(:region as varchar) is null or i.region_code like :region) order by i.id"),
				campaignId, scope, region, null, null, null)
			.query(Long.class)
			.list();
	}

	private Campaign mapCampaign(ResultSet rs, int n) throws SQLException {
		String kinds = rs.getString("school_kinds");
		return new Campaign(rs.getLong("id"), rs.getString("title"), rs.getString("issuers"),
				rs.getLong("scope_unit_id"), rs.getString("scope_region"),
				kinds.isEmpty() ? List.of() : List.of(kinds.split(",")),
				json.readValue(rs.getString("template"), ChecklistTemplate.class),
				json.readValue(rs.getString("phases"), PHASES), rs.getObject("self_check_from", LocalDate.class),
				rs.getObject("self_check_due", LocalDate.class), rs.getString("reporting"), rs.getString("created_by"),
				rs.getLong("created_unit_id"), rs.getTimestamp("created_at").toInstant());
	}

	private Inspection mapInspection(ResultSet rs, int n) throws SQLException {
		return new Inspection(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("school_id"),
				rs.getString("school_name"), rs.getString("region_code"), rs.getString("station_name"),
				rs.getObject("due", LocalDate.class), InspectionState.valueOf(rs.getString("state")),
				json.readValue(rs.getString("answers"), ANSWERS),
				json.readValue(rs.getString("sensitive_answers"), ANSWERS), rs.getString("headmaster"),
				rs.getString("cosigned_by"), rs.getString("cosigned_station"), instant(rs, "cosigned_at"),
				rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getString("reviewed_by"),
				instant(rs, "reviewed_at"), rs.getString("review_comment"), rs.getBoolean("sampled"),
				rs.getString("sample_result"), rs.getString("no_sensitive_findings_by"),
				instant(rs, "no_sensitive_findings_at"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	/** A step of an inspection's history. */
	public record Step(String action, String actor, Instant at, String comment) {
	}

	/** A photo's description (its bytes are fetched one at a time). */
	public record Photo(long id, String itemKey, String contentType, int sizeBytes, String uploadedBy,
			Instant uploadedAt) {
	}

}
