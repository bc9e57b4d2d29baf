package cn.hxay.organisation;

import java.util.ArrayList;
import java.util.List;

/**
 * The units a school's records belong to: the school's own unit, its education bureau,
 * its police station and its township. A record about a school (a hazard, an inspection
 * form, a device, an alarm, a compliance summary) is in a user's scope when any of these
 * units is; this is the platform's one rule for it, checked in Java by
 * {@link DataScope#covers(SchoolUnits)} and in SQL by {@link DataScope#where(String)}
 * against the record's {@code unit_ids} column, which holds {@link #ids()}.
 *
 * @param school the school's own unit
 * @param educationBureau its education bureau (may be null)
 * @param policeStation its police station (may be null)
 * @param township its township (may be null)
 */
public record SchoolUnits(long school, Long educationBureau, Long policeStation, Long township) {

	/** The non-null unit ids, for a {@code unit_ids bigint[]} column. */
	public Long[] ids() {
		List<Long> ids = new ArrayList<>(4);
		ids.add(school);
		for (Long id : new Long[] { educationBureau, policeStation, township }) {
			if (id != null) {
				ids.add(id);
			}
		}
		return ids.toArray(Long[]::new);
	}

}
