package cn.hxay.audit;

import java.util.regex.Pattern;

import cn.hxay.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events. A change is recorded in the same transaction as the change itself,
 * so one is never kept without the other.
 */
@Service
public class AuditTrail {

	/**
	 * 18-character resident ID numbers: masked if a caller ever passes one in a detail.
	 */
	private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?!\\d)");

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an action of the signed-in user (or of the system when nobody is signed
	 * in).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String subjectType, Object subjectId, String detail) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String actor = "system";
		Long organisationId = null;
		if (authentication != null && authentication.isAuthenticated()) {
			actor = authentication.getName();
			if (authentication.getPrincipal() instanceof Actor signedIn) {
				organisationId = signedIn.organisationId();
			}
		}
		write(actor, organisationId, action, subjectType, subjectId, detail);
	}

	/**
	 * Records an event about a named account outside a transaction, such as a failed
	 * login.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFor(String actor, Long organisationId, String action, String detail) {
		write(actor, organisationId, action, "user", actor, detail);
	}

	private void write(String actor, Long organisationId, String action, String subjectType, Object subjectId,
			String detail) {
		jdbc.sql("""
				insert into audit_event (actor, organisation_id, client_ip, action, subject_type, subject_id, detail)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(truncate(actor, 50), organisationId, clientIp(), action, subjectType,
					subjectId == null ? null : truncate(subjectId.toString(), 64), mask(detail))
			.update();
	}

	static String mask(String detail) {
		return detail == null ? null : ID_NUMBER.matcher(detail).replaceAll("$1********$2");
	}

	private static String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String value, int length) {
		return value == null || value.length() <= length ? value : value.substring(0, length);
	}

}
