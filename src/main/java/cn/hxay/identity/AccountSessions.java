package cn.hxay.identity;

import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends an account's signed-in sessions. Sessions are Spring Session rows in PostgreSQL,
 * indexed by the principal's name, so deleting them signs the account out on every node
 * at once; the session making the request is kept (a user who changes their own password
 * stays signed in where they did it).
 */
@Component
class AccountSessions {

	private final JdbcClient jdbc;

	AccountSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Ends every session of the account except the current request's; returns how many.
	 */
	int endOthers(String username) {
		return jdbc.sql("""
				delete from spring_session
				where principal_name = :name and (cast(:keep as varchar) is null or session_id <> :keep)""")
			.param("name", username)
			.param("keep", currentSessionId())
			.update();
	}

	private static String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			return session == null ? null : session.getId();
		}
		return null;
	}

}
