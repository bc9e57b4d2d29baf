package cn.hxay.keyperson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.School;
import cn.hxay.school.SchoolChanged;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistered;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The schools within {@code hxay.keyperson.nearby-radius-metres} (default 500 m) of each
 * key person, from the school registry's coordinates: computed when a person is recorded
 * or moves, and for every person when a school is registered or changed (it may have
 * moved or been renamed).
 */
@Component
class NearbySchools {

	private final SchoolRegistry schools;

	private final KeyPersonStore store;

	private final int radius;

	NearbySchools(SchoolRegistry schools, KeyPersonStore store,
			@Value("${hxay.keyperson.nearby-radius-metres:500}") int radius) {
		this.schools = schools;
		this.store = store;
		this.radius = radius;
	}

	int radius() {
		return radius;
	}

	/** Recomputes and stores the schools near one person. */
	List<NearbySchool> refresh(long personId, BigDecimal latitude, BigDecimal longitude) {
		List<NearbySchool> near = new ArrayList<>();
		if (latitude != null && longitude != null) {
			double lat = latitude.doubleValue();
			double lon = longitude.doubleValue();
			// police see the schools on their patch whoever runs them: the whole registry
			schools.forEach(DataScope.everything(false), SchoolFilter.none(), school -> {
				Integer d = distance(school, lat, lon);
				if (d != null && Distance.within(d, radius)) {
					near.add(new NearbySchool(school.id(), school.name(), d));
				}
			});
		}
		near.sort(Comparator.comparingInt(NearbySchool::distanceMetres));
		store.replaceNearby(personId, near);
		return near;
	}

	@ApplicationModuleListener
	void on(SchoolChanged event) {
		refreshSchool(event.schoolId());
	}

	@ApplicationModuleListener
	void on(SchoolRegistered event) {
		refreshSchool(event.schoolId());
	}

	void refreshSchool(long schoolId) {
		School school;
		try {
			school = schools.get(DataScope.everything(false), schoolId);
		}
		catch (NotFoundException ex) {
			return;
		}
		List<long[]> near = new ArrayList<>();
		for (double[] person : store.locations()) {
			Integer d = distance(school, person[1], person[2]);
			if (d != null && Distance.within(d, radius)) {
				near.add(new long[] { (long) person[0], d });
			}
		}
		store.replaceSchool(schoolId, school.name(), near);
	}

	private static Integer distance(School school, double latitude, double longitude) {
		BigDecimal lat = school.details().latitude();
		BigDecimal lon = school.details().longitude();
		if (lat == null || lon == null) {
			return null;
		}
		return Distance.wholeMetres(latitude, longitude, lat.doubleValue(), lon.doubleValue());
	}

}
