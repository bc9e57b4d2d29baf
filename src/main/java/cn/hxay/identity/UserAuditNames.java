package cn.hxay.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import cn.hxay.audit.AuditSubjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts in the audit log by name: "张伟 (qinglong.zhang)".
 */
@Component
class UserAuditNames implements AuditSubjects {

	private final JdbcClient jdbc;

	UserAuditNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return "user";
	}

	@Override
	public String label() {
		return "用户";
	}

	@Override
	public Map<String, String> names(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		jdbc.sql("select username, display_name from user_account where username = any(?)")
			.param(ids.toArray(String[]::new))
			.query((rs, row) -> names.put(rs.getString(1), rs.getString(2) + " (" + rs.getString(1) + ")"))
			.list();
		return names;
	}

}
