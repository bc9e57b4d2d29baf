package cn.hxay.hazard;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import cn.hxay.audit.AuditSubjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hazards in the audit log by notice number, school and what was found. A police-only
 * (sensitive) hazard is named by its notice number and school alone: the audit log is
 * read by platform administrators, who are not police.
 */
@Component
class HazardAuditNames implements AuditSubjects {

	private final JdbcClient jdbc;

	HazardAuditNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return "hazard";
	}

	@Override
	public String label() {
		return "隐患";
	}

	@Override
	public Map<String, String> names(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		Long[] numbers = ids.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toArray(Long[]::new);
		jdbc.sql("select id, notice_number, school_name, sensitive, description from hazard where id = any(?)")
			.param(numbers)
			.query((rs, row) -> {
				String description = rs.getString("description");
				String what = rs.getBoolean("sensitive") ? "（公安专项，内容不在此显示）"
						: " · " + (description.length() > 30 ? description.substring(0, 30) + "…" : description);
				return names.put(Long.toString(rs.getLong("id")),
						rs.getString("notice_number") + " · " + rs.getString("school_name") + what);
			})
			.list();
		return names;
	}

}
