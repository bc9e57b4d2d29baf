package cn.hxay.school;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import cn.hxay.audit.AuditSubjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Schools in the audit log by name.
 */
@Component
class SchoolAuditNames implements AuditSubjects {

	private final JdbcClient jdbc;

	SchoolAuditNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return "school";
	}

	@Override
	public String label() {
		return "学校";
	}

	@Override
	public Map<String, String> names(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		Long[] numbers = ids.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toArray(Long[]::new);
		jdbc.sql("select id, name from school where id = any(?)")
			.param(numbers)
			.query((rs, row) -> names.put(Long.toString(rs.getLong(1)), rs.getString(2)))
			.list();
		return names;
	}

}
