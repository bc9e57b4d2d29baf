package cn.hxay.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.hxay.hazard.HazardClosed;
import cn.hxay.hazard.HazardSupervised;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into notifications, from what the event carries (no call
 * back into the module that sent it). A hazard raised from a police-only checklist item
 * is sensitive: a webhook (an SMS or messaging gateway, outside the police) learns only
 * that such a hazard exists and its notice number, never its school or place.
 */
@Component
class NotificationTriggers {

	private final Notifications notifications;

	NotificationTriggers(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(HazardSupervised event) {
		Map<String, Object> data = hazard(event.hazardId(), event.noticeNumber(), event.regionCode(), event.grade(),
				event.sensitive());
		if (!event.sensitive()) {
			data.put("school", event.schoolName());
			data.put("place", event.place());
		}
		data.put("deadline", event.deadline().toString());
		data.put("reason", event.reason());
		String summary = event.sensitive() ? "涉敏隐患挂牌督办：" + event.noticeNumber() + "（" + event.reason() + "，详情仅公安可见）"
				: "隐患挂牌督办：" + event.schoolName() + " " + event.place() + "（" + event.reason() + "）";
		notifications.notify(EventType.HAZARD_SUPERVISED, summary, data);
	}

	@ApplicationModuleListener
	void on(HazardClosed event) {
		Map<String, Object> data = hazard(event.hazardId(), event.noticeNumber(), event.regionCode(), event.grade(),
				event.sensitive());
		if (!event.sensitive()) {
			data.put("school", event.schoolName());
		}
		data.put("closedBy", event.by());
		String summary = event.sensitive() ? "涉敏隐患已销号：" + event.noticeNumber()
				: "隐患已销号：" + event.schoolName() + " " + event.noticeNumber();
		notifications.notify(EventType.HAZARD_CLOSED, summary, data);
	}

	private static Map<String, Object> hazard(long id, String noticeNumber, String regionCode, String grade,
			boolean sensitive) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("hazardId", id);
		data.put("noticeNumber", noticeNumber);
		data.put("regionCode", regionCode);
		data.put("grade", grade);
		data.put("sensitive", sensitive);
		return data;
	}

}
