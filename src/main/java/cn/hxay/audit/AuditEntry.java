package cn.hxay.audit;

import java.time.OffsetDateTime;

import cn.hxay.shared.PlatformTime;

/**
 * One line of the audit log as read back.
 */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, Long organisationId, String clientIp,
		String action, String subjectType, String subjectId, String detail) {

	/** When it happened, in China Standard Time, for display. */
	public java.time.LocalDateTime localTime() {
		return occurredAt.atZoneSameInstant(PlatformTime.ZONE).toLocalDateTime();
	}

}
