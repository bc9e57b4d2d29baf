package cn.hxay.notification;

import java.time.Instant;

/** One notification on its way to one webhook. */
public record Delivery(long id, long webhookId, String eventType, String title, String payload, Instant createdAt,
		int attempts, Instant nextAttemptAt, Instant deliveredAt, Integer lastStatus, String lastError) {

	public boolean delivered() {
		return deliveredAt != null;
	}

}
