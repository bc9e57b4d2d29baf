package cn.hxay.alarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
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
 * Devices and their status rows in PostgreSQL. A device is in scope when its school's own
 * unit, education bureau, police station or township is.
 */
@Repository
class DeviceStore {

	private static final String SCOPE = DataScope.where("d");

	private static final String FILTER = """
			and (cast(:text as varchar) is null or d.code like :prefix or d.place like :like or d.school_name like :like
			     or d.venue_name like :like)
			and (cast(:owner as varchar) is null or d.owner_kind = :owner)
			and (cast(:school as bigint) is null or d.school_id = :school)
			and (cast(:region as varchar) is null or d.region_code = :region)
			and (cast(:station as bigint) is null or d.station_id = :station)
			and (cast(:kind as varchar) is null or d.kind = :kind)
			and (cast(:online as boolean) is null
			     or cast(:online as boolean) = (s.last_heartbeat_at is not null and s.last_heartbeat_at > :cutoff
			        and (s.registered_until is null or s.registered_until > :now)))""";

	/** The school, or the venue and the school it protects, as lists show it. */
	static final String OWNER_NAME = "case when d.owner_kind = 'VENUE' then d.venue_name || '（周边，护 ' || d.school_name || '）'"
			+ " else d.school_name end";

	private static final String FROM = " from device d join device_status s on s.device_id = d.id where ";

	private final JdbcClient jdbc;

	private final java.time.Duration offlineFigureTtl;

	DeviceStore(JdbcClient jdbc,
			@org.springframework.beans.factory.annotation.Value("${hxay.device.offline-figure-ttl:10s}") java.time.Duration offlineFigureTtl) {
		this.offlineFigureTtl = offlineFigureTtl;
		this.jdbc = jdbc;
	}

	Optional<Device> byId(long id) {
		return jdbc.sql("select *" + FROM + "d.id = ?").param(id).query(this::map).optional();
	}

	Optional<Device> byCode(String code) {
		return jdbc.sql("select *" + FROM + "d.code = ?").param(code).query(this::map).optional();
	}

	Map<String, Device> byCodes(List<String> codes) {
		Map<String, Device> found = new HashMap<>();
		jdbc.sql("select *" + FROM + "d.code = any(?)")
			.param(codes.toArray(String[]::new))
			.query(this::map)
			.list()
			.forEach(d -> found.put(d.code(), d));
		return found;
	}

	/** What ingestion needs to know about a device, by its code. */
	Optional<DeviceCredentials> credentials(String code) {
		return jdbc.sql("select id, school_code, token_hash from device where code = ?")
			.param(code)
			.query((rs, i) -> new DeviceCredentials(rs.getLong("id"), code, rs.getString("school_code"),
					rs.getString("token_hash")))
			.optional();
	}

	/**
	 * Records a GB/T 28181 registration valid until the given moment (now, for Expires
	 * 0).
	 */
	void register(long deviceId, Instant until) {
		jdbc.sql("update device_status set registered_until = ? where device_id = ?")
			.params(Timestamp.from(until), deviceId)
			.update();
	}

	Paged<Device> search(DeviceFilter filter, DataScope scope, Instant cutoff, Instant now, PageRequest page) {
		long total = bind(jdbc.sql("select count(*)" + FROM + SCOPE + FILTER), filter, scope, cutoff, now)
			.query(Long.class)
			.single();
		List<Device> rows = bind(
				jdbc.sql("select *" + FROM + SCOPE + FILTER
						+ " order by d.region_code, d.school_name, d.code limit :limit offset :offset"),
				filter, scope, cutoff, now)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::map)
			.list();
		return new Paged<>(rows, page.page(), page.size(), total);
	}

	void forEach(DeviceFilter filter, DataScope scope, Instant cutoff, Instant now, Consumer<Device> consumer) {
		try (var stream = bind(
				jdbc.sql("select *" + FROM + SCOPE + FILTER + " order by d.region_code, d.school_name, d.code"), filter,
				scope, cutoff, now)
			.withFetchSize(500)
			.query(this::map)
			.stream()) {
			stream.forEach(consumer);
		}
	}

	/**
	 * Networking rates grouped by one expression over {@code d}: the school, the station,
	 * the county or the city. The networking rate (联网率) is a school's measure: venue
	 * devices are not counted in it.
	 */
	List<NetworkingRate> rates(String groupKey, String groupName, DataScope scope, Instant cutoff, Instant now,
			Long stationId, String regionCode) {
		String figureKey = FIGURE_KEYS.get(groupKey);
		if (figureKey != null && !scope.oneSchool()) {
			return ratesFromSummary(groupKey, figureKey, scope, cutoff, now, stationId, regionCode);
		}
		return scope
			.bind(jdbc.sql("select " + groupKey + " as k, " + groupName + " as n, count(*) as devices,"
					+ " count(*) filter (where d.must_be_networked) as required,"
					+ " count(*) filter (where d.must_be_networked and s.last_heartbeat_at > :cutoff"
					+ " and (s.registered_until is null or s.registered_until > :now)) as online" + FROM + SCOPE
					+ " and d.owner_kind = 'SCHOOL' and (cast(:station as bigint) is null or d.station_id = :station)"
					+ " and (cast(:region as varchar) is null or d.region_code like :region)" + " group by " + groupKey
					+ " order by " + groupKey))
			.param("cutoff", Timestamp.from(cutoff))
			.param("now", Timestamp.from(now))
			.param("station", stationId)
			.param("region", regionCode == null ? null : regionCode + "%")
			.query((rs, i) -> new NetworkingRate(rs.getString("k"), rs.getString("n"), rs.getLong("devices"),
					rs.getLong("required"), rs.getLong("online")))
			.list();
	}

	/**
	 * The group keys of {@link RateLevel} above the school, over {@code device_figure}
	 * (station 0: none).
	 */
	private static final java.util.Map<String, String> FIGURE_KEYS = java.util.Map.of(RateLevel.STATION.key(),
			"cast(nullif(f.station_id, 0) as varchar)", RateLevel.COUNTY.key(), "f.region_code", RateLevel.CITY.key(),
			"substring(f.region_code from 1 for 4) || '00'");

	/**
	 * {@link #rates} above the school: the devices and required ones from
	 * {@code device_figure} (V922, kept by triggers), less the required ones offline now
	 * ({@link #offlineGroups}). Equal to the count over every device
	 * (FigureSummaryTests).
	 */
	private List<NetworkingRate> ratesFromSummary(String groupKey, String figureKey, DataScope scope, Instant cutoff,
			Instant now, Long stationId, String regionCode) {
		java.util.function.Function<OfflineGroup, String> keyOf = OFFLINE_KEYS.get(groupKey);
		java.util.Map<String, Long> offline = new java.util.HashMap<>();
		for (OfflineGroup group : offlineGroups(cutoff, now)) {
			if (scope.coversAny(group.unitIds()) && (stationId == null || stationId == group.stationId())
					&& (regionCode == null || group.regionCode().startsWith(regionCode))) {
				offline.merge(keyOf.apply(group), group.devices(), Long::sum);
			}
		}
		return scope
			.bind(jdbc.sql("select " + figureKey + " as k, sum(f.devices) as devices, sum(f.required) as required"
					+ " from device_figure f where " + DataScope.where("f") + " and f.owner_kind = 'SCHOOL'"
					+ " and (cast(:station as bigint) is null or f.station_id = :station)"
					+ " and (cast(:region as varchar) is null or f.region_code like :region)"
					+ " group by 1 having sum(f.devices) > 0 order by 1"))
			.param("station", stationId)
			.param("region", regionCode == null ? null : regionCode + "%")
			.query((rs, i) -> {
				String key = rs.getString("k");
				long required = rs.getLong("required");
				return new NetworkingRate(key, null, rs.getLong("devices"), required,
						required - offline.getOrDefault(key, 0L));
			})
			.list();
	}

	/** The group keys of {@link RateLevel} above the school, over an offline group. */
	private static final java.util.Map<String, java.util.function.Function<OfflineGroup, String>> OFFLINE_KEYS = java.util.Map
		.of(RateLevel.STATION.key(), g -> g.stationId() == 0 ? null : String.valueOf(g.stationId()),
				RateLevel.COUNTY.key(), OfflineGroup::regionCode, RateLevel.CITY.key(),
				g -> g.regionCode().substring(0, 4) + "00");

	/**
	 * Required school devices offline at one moment (no heartbeat since the cutoff, or
	 * registration lapsed), counted per county, station and the units above the school.
	 */
	record OfflineGroup(String regionCode, long stationId, Long[] unitIds, long devices) {
	}

	private record OfflineSnapshot(Instant now, List<OfflineGroup> groups) {
	}

	private volatile OfflineSnapshot offlineSnapshot;

	/**
	 * The offline groups of the whole platform, counted afresh at most once per
	 * {@code hxay.device.offline-figure-ttl} (platform clock) and shared by every scope:
	 * the few status rows without a recent heartbeat, each device then by its key (a
	 * province has 300,000 status rows: read on every start page they were the largest
	 * cost of PostgreSQL under load). A figure is thus at most that old; the heartbeat
	 * window it is measured against is minutes.
	 */
	private List<OfflineGroup> offlineGroups(Instant cutoff, Instant now) {
		OfflineSnapshot snapshot = offlineSnapshot;
		if (fresh(snapshot, now)) {
			return snapshot.groups();
		}
		synchronized (this) {
			snapshot = offlineSnapshot;
			if (fresh(snapshot, now)) {
				return snapshot.groups();
			}
			List<OfflineGroup> groups = jdbc.sql("with offline as materialized (select s.device_id"
					+ " from device_status s where s.last_heartbeat_at is null or s.last_heartbeat_at <= :cutoff"
					+ " or s.registered_until <= :now)"
					// each by its key (offset 0 keeps the planner from hashing every
					// device instead)
					+ " select x.region_code, x.station_id, x.unit_ids, count(*) as n from offline o"
					+ " cross join lateral (select d.region_code, coalesce(d.station_id, 0) as station_id, d.unit_ids"
					+ " from device d where d.id = o.device_id and d.owner_kind = 'SCHOOL' and d.must_be_networked"
					+ " offset 0) x group by 1, 2, 3")
				.param("cutoff", Timestamp.from(cutoff))
				.param("now", Timestamp.from(now))
				.query((rs, i) -> new OfflineGroup(rs.getString(1), rs.getLong(2), (Long[]) rs.getArray(3).getArray(),
						rs.getLong(4)))
				.list();
			offlineSnapshot = new OfflineSnapshot(now, groups);
			return groups;
		}
	}

	private boolean fresh(OfflineSnapshot snapshot, Instant now) {
		return snapshot != null && !offlineFigureTtl.isZero() && !now.isBefore(snapshot.now())
				&& now.isBefore(snapshot.now().plus(offlineFigureTtl));
	}

	/** Stores a new device with its token's two hashes (never the token itself). */
	long insert(DeviceDetails d, SchoolPlace school, String token) {
		long id = jdbc.sql("""
				insert into device (code, school_id, school_code, school_name, school_org_id, bureau_id, station_id,
				  township_id, region_code, kind, place, vendor, model, must_be_networked, token_hash,
				  broker_password_hash)
				values (:code, :schoolId, :schoolCode, :schoolName, :schoolOrgId, :bureauId, :stationId,
				  :townshipId, :regionCode, :kind, :place, :vendor, :model, :mustBeNetworked, :tokenHash, :brokerHash)
				returning id""")
			.params(parameters(d, school))
			.param("tokenHash", DeviceTokens.hash(token))
			.param("brokerHash", DeviceTokens.brokerHash(token))
			.query(Long.class)
			.single();
		jdbc.sql("insert into device_status (device_id) values (?)").param(id).update();
		return id;
	}

	/**
	 * Stores a new device of a venue: the school columns name the school it protects, the
	 * station and township are the venue's.
	 */
	long insertAtVenue(DeviceDetails d, VenuePlace venue, String token) {
		long id = jdbc.sql("""
				insert into device (code, school_id, school_code, school_name, school_org_id, bureau_id, station_id,
				  township_id, region_code, kind, place, vendor, model, must_be_networked, token_hash,
				  broker_password_hash, owner_kind, venue_id, venue_name, venue_address)
				values (:code, :schoolId, :schoolCode, :schoolName, :schoolOrgId, :bureauId, :stationId,
				  :townshipId, :regionCode, :kind, :place, :vendor, :model, :mustBeNetworked, :tokenHash, :brokerHash,
				  'VENUE', :venueId, :venueName, :venueAddress)
				returning id""")
			.params(parameters(d, venue.asSchoolPlace()))
			.param("tokenHash", DeviceTokens.hash(token))
			.param("brokerHash", DeviceTokens.brokerHash(token))
			.param("venueId", venue.venueId())
			.param("venueName", venue.venueName())
			.param("venueAddress", venue.venueAddress())
			.query(Long.class)
			.single();
		jdbc.sql("insert into device_status (device_id) values (?)").param(id).update();
		return id;
	}

	boolean update(long id, int version, DeviceDetails d, SchoolPlace school) {
		return jdbc.sql("""
				update device set code = :code, school_id = :schoolId, school_code = :schoolCode,
				  school_name = :schoolName, school_org_id = :schoolOrgId, bureau_id = :bureauId,
				  station_id = :stationId, township_id = :townshipId, region_code = :regionCode, kind = :kind,
				  place = :place, vendor = :vendor, model = :model, must_be_networked = :mustBeNetworked,
				  version = version + 1, updated_at = now()
				where id = :id and version = :version""")
			.params(parameters(d, school))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	void updateToken(long id, String token) {
		jdbc.sql("""
				update device set token_hash = ?, broker_password_hash = ?, version = version + 1, updated_at = now()
				where id = ?""").params(DeviceTokens.hash(token), DeviceTokens.brokerHash(token), id).update();
	}

	/**
	 * Device codes and their Mosquitto password hashes, for the generated password file.
	 */
	void forEachBrokerLogin(java.util.function.BiConsumer<String, String> consumer) {
		jdbc.sql("select code, broker_password_hash from device where broker_password_hash is not null order by code")
			.query(rs -> {
				consumer.accept(rs.getString(1), rs.getString(2));
			});
	}

	/**
	 * Copies a school's new place onto its devices; the venue devices protecting it take
	 * its new code and name only (their station and township are the venue's).
	 */
	int refreshSchool(SchoolPlace s) {
		jdbc.sql("update device set school_code = :schoolCode, school_name = :schoolName"
				+ " where school_id = :schoolId and owner_kind = 'VENUE'")
			.params(parameters(null, s))
			.update();
		return jdbc.sql("""
				update device set school_code = :schoolCode, school_name = :schoolName, school_org_id = :schoolOrgId,
				  bureau_id = :bureauId, station_id = :stationId, township_id = :townshipId, region_code = :regionCode
				where school_id = :schoolId and owner_kind = 'SCHOOL'""").params(parameters(null, s)).update();
	}

	/** The outages {@link #outages} reads from and counts over. */
	private static final String OUTAGES = " from device_outage o join device d on d.id = o.device_id"
			+ " join device_status s on s.device_id = d.id where " + SCOPE;

	/**
	 * Open outages in scope, longest first (past the {@code offset} first ones), and
	 * recent closed ones if asked.
	 */
	List<Outage> outages(DataScope scope, boolean openOnly, Long deviceId, int limit, int offset) {
		return scope
			.bind(jdbc.sql("select o.device_id, d.code, " + OWNER_NAME + ", d.place, o.started_at, o.ended_at" + OUTAGES
					+ " and (not :openOnly or o.ended_at is null)"
					+ " and (cast(:device as bigint) is null or d.id = :device)"
					+ " order by (o.ended_at is null) desc, o.started_at, o.id limit :limit offset :offset"))
			.param("openOnly", openOnly)
			.param("device", deviceId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, i) -> new Outage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs, "started_at"), instant(rs, "ended_at")))
			.list();
	}

	/**
	 * Open outages in scope, only those that started before {@code startedBefore} unless
	 * it is null.
	 */
	long openOutages(DataScope scope, Instant startedBefore) {
		return scope
			.bind(jdbc.sql("select count(*)" + OUTAGES
					+ " and o.ended_at is null and (cast(:before as timestamptz) is null or o.started_at < :before)"))
			.param("before", startedBefore == null ? null : Timestamp.from(startedBefore))
			.query(Long.class)
			.single();
	}

	void heartbeat(long deviceId, Instant at, long heartbeats) {
		jdbc.sql("update device_status set last_heartbeat_at = ?, heartbeats = ? where device_id = ?")
			.params(Timestamp.from(at), heartbeats, deviceId)
			.update();
	}

	int beatOnlineDemoDevices(Instant now, Instant recent) {
		return jdbc.sql("""
				update device_status s set last_heartbeat_at = :now, heartbeats = s.heartbeats + 1
				from device d where d.id = s.device_id and substring(d.code from 7 for 4) = '0000'
				  and s.last_heartbeat_at > :recent""")
			.param("now", Timestamp.from(now))
			.param("recent", Timestamp.from(recent))
			.update();
	}

	long count() {
		return jdbc.sql("select count(*) from device").query(Long.class).single();
	}

	private static Map<String, Object> parameters(DeviceDetails d, SchoolPlace s) {
		Map<String, Object> p = new HashMap<>();
		if (d != null) {
			p.put("code", d.code());
			p.put("kind", d.kind().name());
			p.put("place", d.place());
			p.put("vendor", d.vendor());
			p.put("model", d.model());
			p.put("mustBeNetworked", d.mustBeNetworked());
		}
		p.put("schoolId", s.schoolId());
		p.put("schoolCode", s.schoolCode());
		p.put("schoolName", s.schoolName());
		p.put("schoolOrgId", s.schoolOrgId());
		p.put("bureauId", s.bureauId());
		p.put("stationId", s.stationId());
		p.put("townshipId", s.townshipId());
		p.put("regionCode", s.regionCode());
		return p;
	}

	private static StatementSpec bind(StatementSpec spec, DeviceFilter filter, DataScope scope, Instant cutoff,
			Instant now) {
		String like = filter.text() == null ? null
				: "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return scope.bind(spec)
			.param("text", filter.text())
			.param("like", like)
			.param("prefix", filter.text() == null ? null : filter.text() + "%")
			.param("school", filter.schoolId())
			.param("region", filter.regionCode())
			.param("station", filter.stationId())
			.param("kind", filter.kind() == null ? null : filter.kind().name())
			.param("online", filter.online())
			.param("owner", filter.owner() == null ? null : filter.owner().name())
			.param("cutoff", Timestamp.from(cutoff))
			.param("now", Timestamp.from(now));
	}

	private Device map(ResultSet rs, int row) throws SQLException {
		return new Device(rs.getLong("id"), rs.getString("code"), rs.getLong("school_id"), rs.getString("school_code"),
				rs.getString("school_name"), rs.getLong("school_org_id"), nullable(rs, "bureau_id"),
				nullable(rs, "station_id"), nullable(rs, "township_id"), rs.getString("region_code"),
				DeviceKind.valueOf(rs.getString("kind")), rs.getString("place"), rs.getString("vendor"),
				rs.getString("model"), rs.getBoolean("must_be_networked"), rs.getInt("version"),
				instant(rs, "created_at"), instant(rs, "last_heartbeat_at"), rs.getLong("heartbeats"),
				instant(rs, "registered_until"), DeviceOwner.of(rs.getString("owner_kind")), nullable(rs, "venue_id"),
				rs.getString("venue_name"), rs.getString("venue_address"));
	}

	static Long nullable(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
