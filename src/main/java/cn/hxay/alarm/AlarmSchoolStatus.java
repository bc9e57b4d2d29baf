package cn.hxay.alarm;

import java.util.List;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.SchoolStatusSource;
import cn.hxay.shared.PageRequest;

import org.springframework.stereotype.Component;

/**
 * The school page's 设备在线: the school's online devices (the count of the device list
 * filtered to this school and 在线) against those that must be networked.
 */
@Component
class AlarmSchoolStatus implements SchoolStatusSource {

	private final Devices devices;

	AlarmSchoolStatus(Devices devices) {
		this.devices = devices;
	}

	@Override
	public List<Figure> figures(long schoolId, DataScope scope) {
		long online = devices
			.search(scope, new DeviceFilter(null, schoolId, null, null, null, true), PageRequest.of(0, 1))
			.total();
		long required = devices.rates(scope, RateLevel.SCHOOL, null, null)
			.stream()
			.filter(r -> String.valueOf(schoolId).equals(r.key()))
			.mapToLong(NetworkingRate::required)
			.sum();
		return List.of(new Figure("devices", 20, "设备在线 / 应联网", online + " / " + required + " 台", online,
				"/devices?school=" + schoolId + "&online=true", online < required));
	}

}
