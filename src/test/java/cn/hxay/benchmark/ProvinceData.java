package cn.hxay.benchmark;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A province-sized data set made from the demo city in a few set-based statements
 * ({@code generate_series}, {@code insert … select}): copies of the 600 demo schools
 * (codes starting with 9, names with {@code #n}) in the same counties, police stations
 * and townships, each with the posture, devices (and their last heartbeats) and hazards
 * of the school it copies. A development path only: it writes the tables directly, never
 * through the public API, and is used by the benchmark and by tests that need volume.
 */
public final class ProvinceData {

	private final JdbcClient jdbc;

	public ProvinceData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Grows the registry to {@code total} schools; returns how many were added. */
	public int schools(int total) {
		long existing = jdbc.sql("select count(*) from school").query(Long.class).single();
		int extra = (int) Math.max(0, total - existing);
		if (extra == 0) {
			return 0;
		}
		long first = jdbc.sql("select count(*) from organisation where name like 'bench-%'").query(Long.class).single()
				+ 1;
		// the school's unit hangs under its education bureau, like the demo schools
		jdbc.sql(
				"""
						with base as (select row_number() over (order by id) - 1 as n, s.* from school s where code not like '9%'),
						     g as (select generate_series(?, ?) as i)
						insert into organisation (name, kind, region_code, parent_id, path)
						select 'bench-' || g.i, 'SCHOOL', b.region_code, b.education_bureau_id, '/'
						from g join base b on b.n = g.i % (select count(*) from base)""")
			.params(first, first + extra - 1)
			.update();
		jdbc.sql("""
				update organisation o set path = p.path || o.id || '/' from organisation p
				where p.id = o.parent_id and o.name like 'bench-%' and o.path = '/'""").update();
		jdbc.sql(
				"""
						with base as (select row_number() over (order by id) - 1 as n, s.* from school s where code not like '9%')
						insert into school (code, name, kind, ownership, locality, boarding, students, boarders, staff, address,
						  longitude, latitude, headmaster_name, headmaster_phone, safety_lead_name, safety_lead_phone,
						  organisation_id, education_bureau_id, police_station_id, township_id, region_code, key_security_unit,
						  licensed)
						select '9' || lpad(substring(o.name from 7), 9, '0'), b.name || '#' || substring(o.name from 7), b.kind,
						  b.ownership, b.locality, b.boarding, b.students, b.boarders, b.staff, b.address, b.longitude,
						  b.latitude, b.headmaster_name, b.headmaster_phone, b.safety_lead_name, b.safety_lead_phone, o.id,
						  b.education_bureau_id, b.police_station_id, b.township_id, b.region_code, b.key_security_unit,
						  b.licensed
						from organisation o join base b on b.n = cast(substring(o.name from 7) as int) % (select count(*) from base)
						where o.name like 'bench-%' and not exists (select 1 from school x where x.organisation_id = o.id)""")
			.update();
		return extra;
	}

	/**
	 * Gives every generated school without one the posture, devices with their last
	 * heartbeat, and hazards of the demo school it copies.
	 */
	public void belongings() {
		String base = """
				with base as (select row_number() over (order by id) - 1 as n, s.* from school s where code not like '9%'),
				     copy as (select s.*, b.id as base_id from school s
				              join base b on b.n = cast(substring(s.code from 2) as int) % (select count(*) from base)
				              where s.code like '9%'""";
		jdbc.sql(base + " and not exists (select 1 from posture_version p where p.school_id = s.id)),"
				+ """
						     latest as (select distinct on (school_id) school_id, facts from posture_version
						                order by school_id, valid_from desc, id desc)
						insert into posture_version (school_id, valid_from, recorded_by, facts)
						select c.id, now() - interval '1 hour', 'bench', l.facts from copy c join latest l on l.school_id = c.base_id""")
			.update();
		jdbc.sql(base + " and not exists (select 1 from device d where d.school_id = s.id))" + """
				insert into device (code, school_id, school_code, school_name, school_org_id, bureau_id, station_id,
				  township_id, region_code, kind, place, vendor, model, must_be_networked, token_hash)
				select 'B' || c.id || '-' || row_number() over (partition by c.id order by d.id), c.id, c.code, c.name,
				  c.organisation_id, c.education_bureau_id, c.police_station_id, c.township_id, c.region_code, d.kind,
				  d.place, d.vendor, d.model, d.must_be_networked, d.token_hash
				from copy c join device d on d.school_id = c.base_id""").update();
		jdbc.sql("""
				insert into device_status (device_id, last_heartbeat_at, heartbeats)
				select d.id, case when d.id % 50 <> 0 then now() - (d.id % 60) * interval '1 second' end, 1
				from device d
				where d.code like 'B%' and not exists (select 1 from device_status x where x.device_id = d.id)""")
			.update();
		jdbc.sql(base + " and not exists (select 1 from hazard h where h.school_id = s.id))"
				+ """
						insert into hazard (notice_number, school_id, school_name, region_code, unit_ids, place, category, grade,
						  description, requirements, responsible_unit, responsible_person, found_by, found_at, deadline, state,
						  overdue, supervised, temporary_safeguards, closed_at, sensitive, issuer_unit_id)
						select 'BENCH-' || c.id || '-' || h.id, c.id, c.name, c.region_code,
						  array_remove(array[c.organisation_id, c.education_bureau_id, c.police_station_id, c.township_id], null),
						  h.place, h.category, h.grade, h.description, h.requirements, h.responsible_unit, h.responsible_person,
						  h.found_by, h.found_at, h.deadline, h.state, h.overdue, h.supervised, h.temporary_safeguards,
						  h.closed_at, h.sensitive, h.issuer_unit_id
						from copy c join hazard h on h.school_id = c.base_id""")
			.update();
		jdbc.sql("analyze").update();
	}

	/**
	 * Keeps 49 in 50 generated devices heartbeating, as a healthy province's devices do
	 * at a 60 s keepalive: a sixth of them gets a fresh heartbeat time every 10 s (one
	 * UPDATE, as the heartbeat flush writes them); the fiftieth never sent one and stays
	 * offline. Stop it by interrupting the thread.
	 */
	public Thread heartbeats() {
		Thread thread = new Thread(() -> {
			for (int slice = 0; !Thread.currentThread().isInterrupted(); slice = (slice + 1) % 6) {
				jdbc.sql(
						"""
								update device_status s set last_heartbeat_at = now(), heartbeats = heartbeats + 1
								from device d where d.id = s.device_id and d.code like 'B%' and d.id % 50 <> 0 and d.id % 6 = ?""")
					.param(slice)
					.update();
				try {
					Thread.sleep(10_000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "bench-heartbeats");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/**
	 * Safety-lead accounts {@code bench.school.1 … n} for the newest schools (other than
	 * the demo lead's), with the password of the demo's {@code school.lead}; returns
	 * their usernames.
	 */
	public java.util.List<String> schoolAccounts(int n) {
		jdbc.sql(
				"""
						with lead as (select * from user_account where username = 'school.lead'),
						     picked as (select s.organisation_id, row_number() over (order by s.id desc) as k from school s
						                where s.organisation_id <> (select organisation_id from lead) order by s.id desc limit ?)
						insert into user_account (username, display_name, password_hash, organisation_id, roles)
						select 'bench.school.' || p.k, '压测学校' || p.k, l.password_hash, p.organisation_id, l.roles
						from picked p cross join lead l
						on conflict (username) do nothing""")
			.param(n)
			.update();
		return jdbc.sql("select username from user_account where username like 'bench.school.%' order by id limit ?")
			.param(n)
			.query(String.class)
			.list();
	}

}
