package cn.hxay.notification;

import java.time.Instant;
import java.util.Set;

/**
 * A receiver of notifications.
 *
 * @param eventTypes the events it wants; empty for all
 * @param secret signs each body (HMAC-SHA256 in {@code X-Hxay-Signature}) when set
 */
public record Webhook(long id, String name, String url, Set<EventType> eventTypes, String secret, boolean enabled,
		String createdBy, Instant createdAt) {

	public boolean wants(EventType type) {
		return enabled && (eventTypes.isEmpty() || eventTypes.contains(type) || type == EventType.TEST);
	}

}
