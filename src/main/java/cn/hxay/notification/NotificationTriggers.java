package cn.hxay.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.hxay.hazard.Hazard;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.hazard.HazardSupervised;
import cn.hxay.organisation.DataScope;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns other modules' events into notifications. */
@Component
class NotificationTriggers {

	private final Notifications notifications;

	private final HazardLedger hazards;

	NotificationTriggers(Notifications notifications, HazardLedger hazards) {
		this.notifications = notifications;
		this.hazards = hazards;
	}

	@ApplicationModuleListener
	void on(HazardSupervised event) {
		Hazard h = hazards.get(DataScope.everything(true), event.hazardId());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("hazardId", h.id());
		data.put("noticeNumber", h.noticeNumber());
		data.put("school", h.schoolName());
		data.put("regionCode", h.regionCode());
		data.put("grade", h.grade().label());
		data.put("place", h.place());
		data.put("deadline", h.deadline().toString());
		data.put("reason", event.reason());
		notifications.notify(EventType.HAZARD_SUPERVISED,
				"隐患挂牌督办：" + h.schoolName() + " " + h.place() + "（" + event.reason() + "）", data);
	}

}
