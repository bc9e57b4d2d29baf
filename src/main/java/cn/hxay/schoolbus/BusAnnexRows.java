package cn.hxay.schoolbus;

import java.time.LocalDate;
import java.util.List;

import cn.hxay.inspection.AnnexRecordSource;
import cn.hxay.organisation.DataScope;

import org.springframework.stereotype.Component;

/**
 * Annex 1's 校车等安全隐患情况 from the bus and driver records as they stand today, for the
 * inspection form ("/" for a school without buses or drivers).
 */
@Component
class BusAnnexRows implements AnnexRecordSource {

	private final SchoolBuses buses;

	BusAnnexRows(SchoolBuses buses) {
		this.buses = buses;
	}

	@Override
	public List<RecordAnswer> answers(DataScope scope, long schoolId, LocalDate from, LocalDate to) {
		String text = buses.annex(scope)
			.stream()
			.filter(b -> b.schoolId() == schoolId)
			.map(BusAnnex::text)
			.findFirst()
			.orElse("/");
		return List.of(new RecordAnswer("schoolBusHazards", text, "来自校车与驾驶人台账（" + buses.today() + "）"));
	}

}
