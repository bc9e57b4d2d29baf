package cn.hxay.keyperson;

import java.util.stream.Collectors;

import cn.hxay.audit.AuditTrail;
import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;

import org.springframework.stereotype.Component;

/**
 * Every view, search, export, print, reveal and change of a key person leaves an audit
 * row: who (account, unit), their role, when, from which address (the audit trail takes
 * those from the request), which record, what, and whether it was allowed or refused.
 * Refusals are written in their own transaction so that they survive the refused request.
 */
@Component
class KeyPersonAudit {

	static final String SUBJECT = "key_person";

	static final String REFUSED = "KEY_PERSON_REFUSED";

	private final AuditTrail audit;

	KeyPersonAudit(AuditTrail audit) {
		this.audit = audit;
	}

	/** An allowed action, in the caller's transaction. */
	void allowed(CurrentUser user, String action, Object subjectId, String detail) {
		audit.record("KEY_PERSON_" + action, SUBJECT, subjectId, "允许 · " + roles(user) + " · " + detail);
	}

	/** A refused action, kept even though the request fails. */
	void refused(CurrentUser user, String what) {
		audit.recordFor(user.username(), user.organisationId(), REFUSED, "拒绝 · " + roles(user) + " · " + what);
	}

	static String roles(CurrentUser user) {
		return "角色 " + user.roles().stream().map(Role::label).sorted().collect(Collectors.joining("、"));
	}

}
