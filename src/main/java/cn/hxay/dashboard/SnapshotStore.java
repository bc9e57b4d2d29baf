package cn.hxay.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The daily county snapshots. */
@Repository
class SnapshotStore {

	/** A stored day of one county. */
	record Snapshot(LocalDate day, CountyFigures figures) {
	}

	private final JdbcClient jdbc;

	SnapshotStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean has(LocalDate day) {
		return jdbc.sql("select exists (select 1 from dashboard_snapshot where day = :day)")
			.param("day", day)
			.query(Boolean.class)
			.single();
	}

	/** Writes the day's rows, replacing any written before for that day. */
	void save(LocalDate day, List<CountyFigures> rows, Instant at) {
		jdbc.sql("delete from dashboard_snapshot where day = :day").param("day", day).update();
		for (CountyFigures f : rows) {
			jdbc.sql("""
					insert into dashboard_snapshot (day, region_code, schools, compliant, evaluated, hazards_open,
					  hazards_overdue, hazards_supervised, hazards_total, forms_assigned, forms_accepted,
					  devices_required, devices_online, taken_at)
					values (:day, :code, :schools, :compliant, :evaluated, :open, :overdue, :supervised, :total,
					  :assigned, :accepted, :required, :online, :at)""")
				.param("day", day)
				.param("code", f.regionCode())
				.param("schools", f.schools())
				.param("compliant", f.compliant())
				.param("evaluated", f.evaluated())
				.param("open", f.hazardsOpen())
				.param("overdue", f.hazardsOverdue())
				.param("supervised", f.hazardsSupervised())
				.param("total", f.hazardsTotal())
				.param("assigned", f.formsAssigned())
				.param("accepted", f.formsAccepted())
				.param("required", f.devicesRequired())
				.param("online", f.devicesOnline())
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	/** The snapshots of the given counties from a day on, oldest first. */
	List<Snapshot> since(Collection<String> regionCodes, LocalDate from) {
		if (regionCodes.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("select * from dashboard_snapshot where day >= :from and region_code in (:codes)"
					+ " order by day, region_code")
			.param("from", from)
			.param("codes", regionCodes)
			.query((rs, n) -> new Snapshot(rs.getDate("day").toLocalDate(),
					new CountyFigures(rs.getString("region_code"), null, rs.getLong("schools"), rs.getLong("compliant"),
							rs.getLong("evaluated"), rs.getLong("hazards_open"), rs.getLong("hazards_overdue"),
							rs.getLong("hazards_supervised"), rs.getLong("hazards_total"), rs.getLong("forms_assigned"),
							rs.getLong("forms_accepted"), rs.getLong("devices_required"), rs.getLong("devices_online"),
							0)))
			.list();
	}

}
