package cn.hxay.audit;

import java.time.LocalDate;

/**
 * What the audit log is filtered by; blank values filter nothing.
 *
 * @param text searched in the object id and the detail
 */
public record AuditFilter(String actor, String action, String subjectType, String text, LocalDate from, LocalDate to) {

	public AuditFilter {
		actor = clean(actor);
		action = clean(action);
		subjectType = clean(subjectType);
		text = clean(text);
	}

	private static String clean(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
