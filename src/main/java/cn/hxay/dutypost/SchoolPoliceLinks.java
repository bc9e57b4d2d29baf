package cn.hxay.dutypost;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.Violation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each school's police links: 法制副校长 / 法治辅导员, the station's liaison officer and the 警务室 or
 * 治安岗亭 (seed 002 §二(二)5, seed 004 §三(一)), with coverage per county and station and the
 * list of schools lacking each. Police keep them; education users read the coverage; a
 * school reads its own.
 */
@Service
@Transactional(readOnly = true)
public class SchoolPoliceLinks {

	private static final String PHONE = "[0-9+\\-() ]{5,20}";

	private final JdbcClient jdbc;

	private final SchoolRegistry schools;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	SchoolPoliceLinks(JdbcClient jdbc, SchoolRegistry schools, Organisations organisations, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.schools = schools;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** One school's links (a school in scope; empty links when none were recorded). */
	public SchoolPoliceLink of(DataScope scope, long schoolId) {
		School school = schools.get(scope, schoolId);
		return link(school, stored(scope, List.of(schoolId)).get(schoolId));
	}

	@Transactional
	public SchoolPoliceLink save(CurrentUser user, DataScope scope, long schoolId, LinkForm form) {
		if (!DutyPosts.isPolice(user) || user.readOnly()) {
			throw new cn.hxay.shared.ForbiddenException("法制副校长、联络民警和警务室由公安机关登记");
		}
		School school = schools.get(scope, schoolId);
		LinkForm f = form == null ? new LinkForm(null, null, null, null, null, null) : form;
		if (f.policeRoom() == null && f.roomRequired() == null && DutyPosts.clean(f.vicePrincipal()) == null
				&& DutyPosts.clean(f.counsellor()) == null && DutyPosts.clean(f.liaisonOfficer()) == null
				&& DutyPosts.clean(f.liaisonPhone()) == null) {
			throw new InvalidInputException("policeRoom", "请填写警校联络信息");
		}
		List<Violation> problems = new ArrayList<>();
		String vice = name(f.vicePrincipal(), "vicePrincipal", "法制副校长", problems);
		String counsellor = name(f.counsellor(), "counsellor", "法治辅导员", problems);
		String liaison = name(f.liaisonOfficer(), "liaisonOfficer", "联络民警", problems);
		String phone = DutyPosts.clean(f.liaisonPhone());
		if (phone != null && !phone.matches(PHONE)) {
			problems.add(Violation.of("liaisonPhone", "联系电话格式不正确"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		PoliceRoom room = f.policeRoom() == null ? PoliceRoom.NONE : f.policeRoom();
		boolean required = f.roomRequired() == null || f.roomRequired();
		jdbc.sql("""
				insert into school_police_link (school_id, vice_principal, counsellor, liaison_officer, liaison_phone,
				  police_room, room_required, updated_at, updated_by, unit_ids)
				values (:school, :vice, :counsellor, :liaison, :phone, :room, :required, :at, :by, :units)
				on conflict (school_id) do update set vice_principal = excluded.vice_principal,
				  counsellor = excluded.counsellor, liaison_officer = excluded.liaison_officer,
				  liaison_phone = excluded.liaison_phone, police_room = excluded.police_room,
				  room_required = excluded.room_required, updated_at = excluded.updated_at,
				  updated_by = excluded.updated_by, unit_ids = excluded.unit_ids""")
			.param("school", schoolId)
			.param("vice", vice)
			.param("counsellor", counsellor)
			.param("liaison", liaison)
			.param("phone", phone)
			.param("room", room.name())
			.param("required", required)
			.param("at", Timestamp.from(clock.instant()))
			.param("by", user.username())
			.param("units", school.units().ids())
			.update();
		audit.record("SCHOOL_POLICE_LINK_SAVED", "school", schoolId, school.name());
		return of(scope, schoolId);
	}

	/** The links of every school in scope, optionally of one county or station. */
	public List<SchoolPoliceLink> all(CurrentUser user, DataScope scope, String regionCode, Long stationId) {
		DutyPosts.mustSeeCoverage(user);
		List<School> list = new ArrayList<>();
		schools.forEach(scope, SchoolFilter.none(), list::add);
		Map<Long, Stored> stored = stored(scope, null);
		return list.stream()
			.filter(s -> regionCode == null || regionCode.isBlank() || regionCode.equals(s.regionCode()))
			.filter(s -> stationId == null || stationId.equals(station(s)))
			.map(s -> link(s, stored.get(s.id())))
			.sorted(Comparator.comparing(SchoolPoliceLink::regionCode).thenComparing(SchoolPoliceLink::schoolName))
			.toList();
	}

	/** Coverage per county and per station (the first line of each is the total). */
	public Map<String, List<LinkCoverageLine>> coverage(CurrentUser user, DataScope scope) {
		List<SchoolPoliceLink> links = all(user, scope, null, null);
		Map<String, String> counties = organisations.regions()
			.stream()
			.collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a));
		Map<Long, Organisation> stations = organisations.byIds(
				links.stream().map(SchoolPoliceLink::stationId).filter(Objects::nonNull).collect(Collectors.toSet()));
		Map<String, List<LinkCoverageLine>> result = new LinkedHashMap<>();
		result.put("total", List.of(line("", "合计", links)));
		result.put("counties",
				lines(links, SchoolPoliceLink::regionCode, c -> "regionCode=" + c, c -> counties.getOrDefault(c, c)));
		result.put("stations", lines(links, l -> l.stationId() == null ? 0L : l.stationId(), id -> "stationId=" + id,
				id -> stations.containsKey(id) ? stations.get(id).name() : "未指定派出所"));
		return result;
	}

	private static <K> List<LinkCoverageLine> lines(List<SchoolPoliceLink> links, Function<SchoolPoliceLink, K> by,
			Function<K, String> key, Function<K, String> name) {
		Map<K, List<SchoolPoliceLink>> groups = new LinkedHashMap<>();
		links.forEach(l -> groups.computeIfAbsent(by.apply(l), k -> new ArrayList<>()).add(l));
		return groups.entrySet()
			.stream()
			.map(e -> line(key.apply(e.getKey()), name.apply(e.getKey()), e.getValue()))
			.sorted(Comparator.comparing(LinkCoverageLine::name))
			.toList();
	}

	private static LinkCoverageLine line(String key, String name, List<SchoolPoliceLink> links) {
		int legal = 0;
		int liaison = 0;
		int required = 0;
		int room = 0;
		for (SchoolPoliceLink l : links) {
			legal += l.lacks().contains(Lack.LEGAL) ? 0 : 1;
			liaison += l.lacks().contains(Lack.LIAISON) ? 0 : 1;
			required += l.roomRequired() ? 1 : 0;
			room += l.roomRequired() && l.policeRoom() != PoliceRoom.NONE ? 1 : 0;
		}
		return new LinkCoverageLine(key, name, links.size(), legal, liaison, required, room);
	}

	private record Stored(String vice, String counsellor, String liaison, String phone, PoliceRoom room,
			boolean required, Instant at) {
	}

	private Map<Long, Stored> stored(DataScope scope, List<Long> schoolIds) {
		Map<Long, Stored> map = new HashMap<>();
		scope
			.bind(jdbc.sql("select l.* from school_police_link l where " + DataScope.where("l")
					+ " and (cast(:ids as bigint[]) is null or l.school_id = any(:ids))"))
			.param("ids", schoolIds == null ? null : schoolIds.toArray(Long[]::new))
			.query(rs -> {
				map.put(rs.getLong("school_id"),
						new Stored(rs.getString("vice_principal"), rs.getString("counsellor"),
								rs.getString("liaison_officer"), rs.getString("liaison_phone"),
								PoliceRoom.valueOf(rs.getString("police_room")), rs.getBoolean("room_required"),
								rs.getTimestamp("updated_at").toInstant()));
			});
		return map;
	}

	private static SchoolPoliceLink link(School s, Stored st) {
		if (st == null) {
			return new SchoolPoliceLink(s.id(), s.name(), s.regionCode(), station(s), null, null, null, null,
					PoliceRoom.NONE, true, null);
		}
		return new SchoolPoliceLink(s.id(), s.name(), s.regionCode(), station(s), st.vice(), st.counsellor(),
				st.liaison(), st.phone(), st.room(), st.required(), st.at());
	}

	private static Long station(School s) {
		return s.details().policeStationId();
	}

	private static String name(String value, String field, String label, List<Violation> problems) {
		String v = DutyPosts.clean(value);
		if (v != null && v.length() > DutyPosts.NAME_MAX) {
			problems.add(Violation.of(field, label + "姓名应在 " + DutyPosts.NAME_MAX + " 字以内"));
		}
		return v;
	}

}
