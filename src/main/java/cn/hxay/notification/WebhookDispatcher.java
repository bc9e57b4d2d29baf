package cn.hxay.notification;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due notifications every couple of seconds on every node (rows are shared out
 * by SKIP LOCKED).
 */
@Component
class WebhookDispatcher {

	private final Notifications notifications;

	WebhookDispatcher(Notifications notifications) {
		this.notifications = notifications;
	}

	@Scheduled(fixedDelayString = "${hxay.webhooks.dispatch-interval:2000}", initialDelay = 5000)
	void dispatch() {
		while (notifications.dispatchDue() > 0) {
			// keep going while a batch was delivered: a backlog drains at once
		}
	}

}
