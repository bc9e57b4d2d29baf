package cn.hxay.alarm.devices;

import java.util.List;

import cn.hxay.alarm.VenueDirectory;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.surroundings.NearbySchool;
import cn.hxay.surroundings.Venue;
import cn.hxay.surroundings.Venues;

import org.springframework.stereotype.Component;

/**
 * The venues of the surroundings module, through its API ({@link Venues}): a venue in the
 * scope whose responsible station is in the scope too, and the school a one-key alarm
 * there protects (the nearest within the venue's safety zone, or the one chosen there).
 */
@Component
class SurroundingsVenues implements VenueDirectory {

	private final Venues venues;

	SurroundingsVenues(Venues venues) {
		this.venues = venues;
	}

	@Override
	public VenueSite find(DataScope scope, long venueId, Long schoolId) {
		Venue venue = venues.get(scope, venueId);
		if (!scope.unrestricted() && !scope.covers(venue.stationId())) {
			throw new NotFoundException("没有这个周边场所");
		}
		List<NearbySchool> near = venues.schoolsNear(scope, venue.id());
		NearbySchool chosen = schoolId == null ? near.stream().findFirst().orElse(null)
				: near.stream().filter(n -> n.schoolId() == schoolId).findFirst().orElse(null);
		if (chosen == null) {
			throw new InvalidInputException("schoolId",
					near.isEmpty() ? "该场所 " + venues.zoneMetres() + " 米内没有学校，无法确定所护学校"
							: "所护学校须为该场所 " + venues.zoneMetres() + " 米内的学校");
		}
		return new VenueSite(venue.id(), venue.name(), venue.address(), venue.stationId(), venue.townshipId(),
				chosen.schoolId());
	}

}
