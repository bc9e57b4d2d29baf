package cn.hxay.inspection;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import cn.hxay.audit.AuditSubjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Self-inspection forms and campaigns in the audit log by school and campaign title.
 */
@Component
class InspectionAuditNames implements AuditSubjects {

	private final JdbcClient jdbc;

	InspectionAuditNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return "inspection";
	}

	@Override
	public String label() {
		return "自查表";
	}

	@Override
	public Map<String, String> names(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		jdbc.sql("""
				select i.id, i.school_name, c.title from inspection i join inspection_campaign c on c.id = i.campaign_id
				where i.id = any(?)""")
			.param(numbers(ids))
			.query((rs, row) -> names.put(Long.toString(rs.getLong(1)), rs.getString(2) + " · " + rs.getString(3)))
			.list();
		return names;
	}

	static Long[] numbers(Collection<String> ids) {
		return ids.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toArray(Long[]::new);
	}

	/** Campaigns by title. */
	@Component
	static class Campaigns implements AuditSubjects {

		private final JdbcClient jdbc;

		Campaigns(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String type() {
			return "inspection_campaign";
		}

		@Override
		public String label() {
			return "检查任务";
		}

		@Override
		public Map<String, String> names(Collection<String> ids) {
			Map<String, String> names = new HashMap<>();
			jdbc.sql("select id, title from inspection_campaign where id = any(?)")
				.param(numbers(ids))
				.query((rs, row) -> names.put(Long.toString(rs.getLong(1)), rs.getString(2)))
				.list();
			return names;
		}

	}

}
