package cn.hxay.school;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * Schools in PostgreSQL. Every list query applies a {@link DataScope}: a school is in
 * scope when its own unit, its education bureau, its police station or its township is
 * (the generated {@code unit_ids} column, {@link DataScope#where}).
 */
@Repository
class SchoolStore {

	/** The platform's one scope rule, on the generated {@code unit_ids} column. */
	static final String SCOPE = DataScope.where(null);

	/**
	 * The columns a {@link School} is made of (not the search columns kept for the
	 * indexes).
	 */
	private static final String COLUMNS = """
			id, code, name, kind, ownership, locality, boarding, students, boarders, staff, address, longitude,
			latitude, headmaster_name, headmaster_phone, safety_lead_name, safety_lead_phone, organisation_id,
			education_bureau_id, police_station_id, township_id, region_code, key_security_unit, licensed, version,
			updated_at""";

	/**
	 * Part of the name through the trigram index, or, for a two-character query (a
	 * Chinese word such as 实验, too short for trigrams), through the index of the name's
	 * two-character pieces; or the start of the code (V860).
	 */
	static final String FILTER = """
			and (cast(:text as varchar) is null
			     or (name like :like and (char_length(:text) <> 2 or name_bigrams @> array[cast(:text as text)]))
			     or code like :prefix)
			and (cast(:region as varchar) is null or region_code like :region)
			and (cast(:station as bigint) is null or police_station_id = :station)
			and (cast(:kind as varchar) is null or kind = :kind)
			and (cast(:locality as varchar) is null or locality = :locality)
			and (cast(:boarding as boolean) is null or boarding = :boarding)""";

	private final JdbcClient jdbc;

	SchoolStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<School> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from school where id = ?").param(id).query(this::map).optional();
	}

	Optional<School> byOrganisation(long organisationId) {
		return jdbc.sql("select " + COLUMNS + " from school where organisation_id = ?")
			.param(organisationId)
			.query(this::map)
			.optional();
	}

	Optional<School> byCode(String code) {
		return jdbc.sql("select " + COLUMNS + " from school where code = ?").param(code).query(this::map).optional();
	}

	Map<String, School> byCodes(List<String> codes) {
		return jdbc.sql("select " + COLUMNS + " from school where code = any(?)")
			.param(codes.toArray(String[]::new))
			.query(this::map)
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(School::code, s -> s));
	}

	/**
	 * The filter of {@link #FILTER} without the name, over the summary
	 * {@code school_figure} (V921: one row per region, station, kind, locality, boarding
	 * and units above the school, kept by triggers); {@code :text} is bound null there.
	 */
	private static final String FIGURE = DataScope.where(null) + FILTER.substring(FILTER.indexOf("and (cast(:region"));

	/**
	 * Whether a count can be read from the summary: no name searched, a scope above
	 * schools.
	 */
	private static boolean summarised(SchoolFilter filter, DataScope scope) {
		return filter.text() == null && !scope.oneSchool();
	}

	Paged<School> search(SchoolFilter filter, DataScope scope, PageRequest page) {
		long total = summarised(filter, scope)
				? bind(jdbc.sql("select coalesce(sum(schools), 0) from school_figure where " + FIGURE), filter, scope)
					.query(Long.class)
					.single()
				: bind(jdbc.sql("select count(*) from school where " + SCOPE + FILTER), filter, scope).query(Long.class)
					.single();
		List<School> rows = bind(jdbc.sql("select " + COLUMNS + " from school where " + DataScope.whereInRegion(null)
				+ FILTER + " order by region_code, name, id limit :limit offset :offset"), filter, scope)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::map)
			.list();
		return new Paged<>(rows, page.page(), page.size(), total);
	}

	/** Streams every matching school, for exports, without holding them all in memory. */
	void forEach(SchoolFilter filter, DataScope scope, Consumer<School> consumer) {
		try (var stream = bind(jdbc.sql("select " + COLUMNS + " from school where " + DataScope.whereInRegion(null)
				+ FILTER + " order by region_code, name, id"), filter, scope)
			.withFetchSize(500)
			.query(this::map)
			.stream()) {
			stream.forEach(consumer);
		}
	}

	SchoolStatistics statistics(DataScope scope) {
		SchoolFilter none = SchoolFilter.none();
		if (summarised(none, scope)) {
			return statisticsFromSummary(scope);
		}
		var totals = bind(jdbc.sql("select count(*) as n, coalesce(sum(students), 0) as s,"
				+ " count(*) filter (where boarding) as b from school where " + SCOPE + FILTER), none, scope)
			.query((rs, i) -> new long[] { rs.getLong("n"), rs.getLong("s"), rs.getLong("b") })
			.single();
		Map<SchoolKind, Long> byKind = new java.util.EnumMap<>(SchoolKind.class);
		bind(jdbc.sql("select kind, count(*) as n from school where " + SCOPE + FILTER + " group by kind"), none, scope)
			.query((rs, i) -> Map.entry(SchoolKind.valueOf(rs.getString("kind")), rs.getLong("n")))
			.list()
			.forEach(e -> byKind.put(e.getKey(), e.getValue()));
		Map<Locality, Long> byLocality = new java.util.EnumMap<>(Locality.class);
		bind(jdbc.sql("select locality, count(*) as n from school where " + SCOPE + FILTER + " group by locality"),
				none, scope)
			.query((rs, i) -> Map.entry(Locality.valueOf(rs.getString("locality")), rs.getLong("n")))
			.list()
			.forEach(e -> byLocality.put(e.getKey(), e.getValue()));
		Map<String, Long> byRegion = new java.util.TreeMap<>();
		bind(jdbc
			.sql("select region_code, count(*) as n from school where " + SCOPE + FILTER + " group by region_code"),
				none, scope)
			.query((rs, i) -> Map.entry(rs.getString("region_code"), rs.getLong("n")))
			.list()
			.forEach(e -> byRegion.put(e.getKey(), e.getValue()));
		return new SchoolStatistics(totals[0], totals[1], totals[2], byKind, byLocality, byRegion);
	}

	Map<Long, SchoolKind> kindsOf(DataScope scope, java.util.Collection<Long> ids) {
		Map<Long, SchoolKind> kinds = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return kinds;
		}
		scope.bind(jdbc.sql("select id, kind from school where id = any(:ids) and " + SCOPE))
			.param("ids", ids.toArray(Long[]::new))
			.query(rs -> {
				kinds.put(rs.getLong("id"), SchoolKind.valueOf(rs.getString("kind")));
			});
		return kinds;
	}

	/**
	 * {@link #statistics} from {@code school_figure}: one pass over a few hundred rows.
	 */
	private SchoolStatistics statisticsFromSummary(DataScope scope) {
		long[] totals = new long[3];
		Map<SchoolKind, Long> byKind = new java.util.EnumMap<>(SchoolKind.class);
		Map<Locality, Long> byLocality = new java.util.EnumMap<>(Locality.class);
		Map<String, Long> byRegion = new java.util.TreeMap<>();
		scope.bind(jdbc.sql("select region_code, kind, locality, boarding, sum(schools) as n, sum(students) as s"
				+ " from school_figure where " + DataScope.where(null)
				+ " group by region_code, kind, locality, boarding having sum(schools) > 0"))
			.query((rs, i) -> {
				long n = rs.getLong("n");
				totals[0] += n;
				totals[1] += rs.getLong("s");
				totals[2] += rs.getBoolean("boarding") ? n : 0;
				byKind.merge(SchoolKind.valueOf(rs.getString("kind")), n, Long::sum);
				byLocality.merge(Locality.valueOf(rs.getString("locality")), n, Long::sum);
				byRegion.merge(rs.getString("region_code"), n, Long::sum);
				return null;
			})
			.list();
		return new SchoolStatistics(totals[0], totals[1], totals[2], byKind, byLocality, byRegion);
	}

	long insert(SchoolDetails d, long organisationId, String regionCode) {
		return jdbc.sql("""
				insert into school (code, name, kind, ownership, locality, boarding, students, boarders, staff, address,
				  longitude, latitude, headmaster_name, headmaster_phone, safety_lead_name, safety_lead_phone,
				  organisation_id, education_bureau_id, police_station_id, township_id, region_code,
				  key_security_unit, licensed)
				values (:code, :name, :kind, :ownership, :locality, :boarding, :students, :boarders, :staff, :address,
				  :longitude, :latitude, :headmasterName, :headmasterPhone, :safetyLeadName, :safetyLeadPhone,
				  :organisationId, :educationBureauId, :policeStationId, :townshipId, :regionCode,
				  :keySecurityUnit, :licensed)
				returning id""")
			.params(parameters(d))
			.param("organisationId", organisationId)
			.param("regionCode", regionCode)
			.query(Long.class)
			.single();
	}

	boolean update(long id, int version, SchoolDetails d, String regionCode) {
		return jdbc.sql("""
				update school set code = :code, name = :name, kind = :kind, ownership = :ownership,
				  locality = :locality, boarding = :boarding, students = :students, boarders = :boarders,
				  staff = :staff, address = :address, longitude = :longitude, latitude = :latitude,
				  headmaster_name = :headmasterName, headmaster_phone = :headmasterPhone,
				  safety_lead_name = :safetyLeadName, safety_lead_phone = :safetyLeadPhone,
				  education_bureau_id = :educationBureauId, police_station_id = :policeStationId,
				  township_id = :townshipId, region_code = :regionCode, key_security_unit = :keySecurityUnit,
				  licensed = :licensed, version = version + 1, updated_at = now()
				where id = :id and version = :version""")
			.params(parameters(d))
			.param("regionCode", regionCode)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	private static Map<String, Object> parameters(SchoolDetails d) {
		java.util.HashMap<String, Object> p = new java.util.HashMap<>();
		p.put("code", d.code());
		p.put("name", d.name());
		p.put("kind", d.kind().name());
		p.put("ownership", d.ownership().name());
		p.put("locality", d.locality().name());
		p.put("boarding", d.boarding());
		p.put("students", d.students());
		p.put("boarders", d.boarders());
		p.put("staff", d.staff());
		p.put("address", d.address());
		p.put("longitude", d.longitude());
		p.put("latitude", d.latitude());
		p.put("headmasterName", d.headmasterName());
		p.put("headmasterPhone", d.headmasterPhone());
		p.put("safetyLeadName", d.safetyLeadName());
		p.put("safetyLeadPhone", d.safetyLeadPhone());
		p.put("educationBureauId", d.educationBureauId());
		p.put("policeStationId", d.policeStationId());
		p.put("townshipId", d.townshipId());
		p.put("keySecurityUnit", d.keySecurityUnit());
		p.put("licensed", d.licensed());
		return p;
	}

	static StatementSpec bind(StatementSpec spec, SchoolFilter filter, DataScope scope) {
		String like = filter.text() == null ? null
				: "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return scope.bind(spec)
			.param("text", filter.text())
			.param("like", like)
			.param("prefix", filter.text() == null ? null : filter.text() + "%")
			.param("region", filter.regionCode() == null ? null : filter.regionCode() + "%")
			.param("station", filter.policeStationId())
			.param("kind", filter.kind() == null ? null : filter.kind().name())
			.param("locality", filter.locality() == null ? null : filter.locality().name())
			.param("boarding", filter.boarding());
	}

	private School map(ResultSet rs, int row) throws SQLException {
		long township = rs.getLong("township_id");
		Long townshipId = rs.wasNull() ? null : township;
		SchoolDetails details = new SchoolDetails(rs.getString("code"), rs.getString("name"),
				SchoolKind.valueOf(rs.getString("kind")), Ownership.valueOf(rs.getString("ownership")),
				Locality.valueOf(rs.getString("locality")), rs.getBoolean("boarding"), rs.getInt("students"),
				rs.getInt("boarders"), rs.getInt("staff"), rs.getString("address"),
				rs.getObject("longitude", BigDecimal.class), rs.getObject("latitude", BigDecimal.class),
				rs.getString("headmaster_name"), rs.getString("headmaster_phone"), rs.getString("safety_lead_name"),
				rs.getString("safety_lead_phone"), rs.getLong("education_bureau_id"), rs.getLong("police_station_id"),
				townshipId, rs.getBoolean("key_security_unit"), rs.getBoolean("licensed"));
		return new School(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("region_code"),
				rs.getInt("version"), details, rs.getObject("updated_at", OffsetDateTime.class));
	}

}
