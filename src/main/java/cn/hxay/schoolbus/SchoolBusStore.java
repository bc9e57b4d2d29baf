package cn.hxay.schoolbus;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Buses, drivers and routes in PostgreSQL, read through a scope. */
@Repository
class SchoolBusStore {

	private final JdbcClient jdbc;

	SchoolBusStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The school a plate is registered to, if any. */
	java.util.Optional<Long> schoolOfPlate(String plate) {
		return jdbc.sql("select school_id from school_bus where plate = :plate")
			.param("plate", plate)
			.query(Long.class)
			.optional();
	}

	long saveBus(School school, BusForm f, String plate, String by, Instant at) {
		return jdbc
			.sql("""
					insert into school_bus (school_id, school_name, region_code, unit_ids, plate, seats, sign_number,
					  sign_valid_until, inspection_valid_until, recorded_by, recorded_at)
					values (:school, :name, :region, :units, :plate, :seats, :sign, :signUntil, :inspectionUntil, :by, :at)
					on conflict (plate) do update set seats = excluded.seats, sign_number = excluded.sign_number,
					  sign_valid_until = excluded.sign_valid_until, inspection_valid_until = excluded.inspection_valid_until,
					  recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
					  where school_bus.school_id = excluded.school_id
					returning id""")
			.param("school", school.id())
			.param("name", school.name())
			.param("region", school.regionCode())
			.param("units", school.units().ids())
			.param("plate", plate)
			.param("seats", f.seats())
			.param("sign", f.signNumber().strip())
			.param("signUntil", Date.valueOf(f.signValidUntil()))
			.param("inspectionUntil", Date.valueOf(f.inspectionValidUntil()))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	long saveDriver(School school, DriverForm f, String by, Instant at) {
		return jdbc.sql("""
				insert into school_bus_driver (school_id, school_name, region_code, unit_ids, name, licence_class,
				  licence_valid_until, last_training_on, recorded_by, recorded_at)
				values (:school, :name, :region, :units, :driver, :class, :until, :training, :by, :at)
				on conflict (school_id, name) do update set licence_class = excluded.licence_class,
				  licence_valid_until = excluded.licence_valid_until, last_training_on = excluded.last_training_on,
				  recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
				returning id""")
			.param("school", school.id())
			.param("name", school.name())
			.param("region", school.regionCode())
			.param("units", school.units().ids())
			.param("driver", f.name().strip())
			.param("class", f.licenceClass())
			.param("until", Date.valueOf(f.licenceValidUntil()))
			.param("training", Date.valueOf(f.lastTrainingOn()))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	long saveRoute(School school, RouteForm f, String plate, String by, Instant at) {
		return jdbc.sql("""
				insert into school_bus_route (school_id, school_name, region_code, unit_ids, name, stops, plate,
				  approval_number, approved_on, recorded_by, recorded_at)
				values (:school, :name, :region, :units, :route, :stops, :plate, :approval, :approved, :by, :at)
				on conflict (school_id, name) do update set stops = excluded.stops, plate = excluded.plate,
				  approval_number = excluded.approval_number, approved_on = excluded.approved_on,
				  recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
				returning id""")
			.param("school", school.id())
			.param("name", school.name())
			.param("region", school.regionCode())
			.param("units", school.units().ids())
			.param("route", f.name().strip())
			.param("stops", f.stops().strip())
			.param("plate", plate)
			.param("approval", f.approvalNumber().strip())
			.param("approved", Date.valueOf(f.approvedOn()))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	List<Bus> buses(DataScope scope, Long schoolId) {
		return scope.bind(jdbc.sql("select b.* from school_bus b where " + DataScope.where("b")
				+ " and (cast(:school as bigint) is null or b.school_id = :school) order by b.region_code, b.school_name, b.plate"))
			.param("school", schoolId)
			.query((rs, i) -> new Bus(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
					rs.getString("region_code"), rs.getString("plate"), rs.getInt("seats"), rs.getString("sign_number"),
					day(rs, "sign_valid_until"), day(rs, "inspection_valid_until"), rs.getString("recorded_by")))
			.list();
	}

	List<Driver> drivers(DataScope scope, Long schoolId) {
		return scope.bind(jdbc.sql("select d.* from school_bus_driver d where " + DataScope.where("d")
				+ " and (cast(:school as bigint) is null or d.school_id = :school) order by d.region_code, d.school_name, d.name"))
			.param("school", schoolId)
			.query((rs, i) -> new Driver(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
					rs.getString("region_code"), rs.getString("name"), rs.getString("licence_class"),
					day(rs, "licence_valid_until"), day(rs, "last_training_on"), rs.getString("recorded_by")))
			.list();
	}

	List<Route> routes(DataScope scope, Long schoolId) {
		return scope.bind(jdbc.sql("select r.* from school_bus_route r where " + DataScope.where("r")
				+ " and (cast(:school as bigint) is null or r.school_id = :school) order by r.region_code, r.school_name, r.name"))
			.param("school", schoolId)
			.query((rs, i) -> new Route(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
					rs.getString("name"), rs.getString("stops"), rs.getString("plate"), rs.getString("approval_number"),
					day(rs, "approved_on"), rs.getString("recorded_by")))
			.list();
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from school_bus)").query(Boolean.class).single();
	}

	private static LocalDate day(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

}
