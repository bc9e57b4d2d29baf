package cn.hxay.alarm.devices;

import cn.hxay.alarm.Device;
import cn.hxay.alarm.DeviceFilter;
import cn.hxay.alarm.DeviceKind;
import cn.hxay.alarm.DeviceOwner;
import cn.hxay.alarm.Devices;
import cn.hxay.alarm.NetworkingRate;
import cn.hxay.alarm.OnlineRule;
import cn.hxay.alarm.RateLevel;
import cn.hxay.alarm.ingestion.IngestCounters;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device registry, online status and networking rates for scripts and dashboards
 * (HTTP Basic, within the caller's scope).
 */
@RestController
@RequestMapping("/api/v1/devices")
@Tag(name = "设备与联网率", description = "设备、在线状态、联网率与被拒消息计数；只含调用者管辖范围内的学校")
class DeviceApiController {

	private final Devices devices;

	private final IngestCounters counters;

	private final java.time.Clock clock;

	DeviceApiController(Devices devices, IngestCounters counters, java.time.Clock clock) {
		this.clock = clock;
		this.devices = devices;
		this.counters = counters;
	}

	record DeviceResource(long id, String code, DeviceKind kind, String kindLabel, long schoolId, String schoolCode,
			String schoolName, String place, String vendor, String model, boolean mustBeNetworked, boolean online,
			String statusReason, Instant lastHeartbeatAt, long heartbeats, DeviceOwner owner, Long venueId,
			String venueName, String ownerName) {

		static DeviceResource of(Device d, OnlineRule.Verdict v) {
			return new DeviceResource(d.id(), d.code(), d.kind(), d.kind().label(), d.schoolId(), d.schoolCode(),
					d.schoolName(), d.place(), d.vendor(), d.model(), d.mustBeNetworked(), v.online(), v.reason(),
					d.lastHeartbeatAt(), d.heartbeats(), d.owner(), d.venueId(), d.venueName(), d.ownerName());
		}

	}

	@GetMapping
	@Operation(summary = "设备列表",
			description = "可按学校、县(区)、派出所、类型、在线状态、归属 (SCHOOL 学校 / VENUE 周边场所) 筛选，分页；周边场所的一键报警只对公安可见")
	Paged<DeviceResource> list(DataScope scope, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long school, @RequestParam(required = false) String region,
			@RequestParam(required = false) Long station, @RequestParam(required = false) DeviceKind kind,
			@RequestParam(required = false) Boolean online, @RequestParam(required = false) DeviceOwner owner,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return devices
			.search(scope, new DeviceFilter(q, school, region, station, kind, online, owner),
					PageRequest.of(page, size))
			.map(d -> DeviceResource.of(d, devices.status(d)));
	}

	@GetMapping("/{id:\\d{1,18}}")
	@Operation(summary = "查看一台设备及其在线判定")
	DeviceResource get(@PathVariable long id, DataScope scope) {
		Device device = devices.get(scope, id);
		return DeviceResource.of(device, devices.status(device));
	}

	@GetMapping("/rates")
	@Operation(summary = "联网率", description = "level = SCHOOL、STATION、COUNTY 或 CITY；联网率 = 在线 ÷ 须联网")
	List<NetworkingRate> rates(DataScope scope, @RequestParam(required = false) RateLevel level,
			@RequestParam(required = false) Long station, @RequestParam(required = false) String region) {
		return devices.rates(scope, level == null ? RateLevel.COUNTY : level, station, region);
	}

	private static final int OUTAGE_PAGE = 500;

	@GetMapping("/outages")
	@Operation(summary = "离线未修复的设备",
			description = "须联网设备的离线记录，最久的在前，每页 500 条（page 从 0 起）；overdue = 超过 24 小时未修复；" + "响应头 X-Total-Count 为离线设备总数")
	List<Map<String, Object>> outages(DataScope scope, @RequestParam(required = false) Integer page,
			jakarta.servlet.http.HttpServletResponse response) {
		Instant now = clock.instant();
		response.setHeader("X-Total-Count", String.valueOf(devices.openOutageCount(scope)));
		int offset = page == null || page <= 0 ? 0 : (int) Math.min((long) page * OUTAGE_PAGE, Integer.MAX_VALUE);
		return devices.openOutages(scope, OUTAGE_PAGE, offset).stream().map(o -> {
			Map<String, Object> row = new java.util.LinkedHashMap<>();
			row.put("deviceId", o.deviceId());
			row.put("deviceCode", o.deviceCode());
			row.put("schoolName", o.schoolName());
			row.put("place", o.place());
			row.put("offlineSince", o.startedAt());
			row.put("hours", o.length(now).toMinutes() / 60.0);
			row.put("overdue", o.overdue(now));
			return row;
		}).toList();
	}

	@GetMapping("/rejections")
	@Operation(summary = "被拒绝的设备消息计数", description = "按通道 (MQTT/HTTP) 与原因累计；只含调用者管辖范围内设备的计数，未登记设备的计数只对全平台用户可见")
	List<IngestCounters.Count> rejections(DataScope scope) {
		return counters.snapshot(scope);
	}

}
