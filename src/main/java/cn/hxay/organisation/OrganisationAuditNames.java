package cn.hxay.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import cn.hxay.audit.AuditSubjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Units and regions in the audit log by their names.
 */
@Component
class OrganisationAuditNames implements AuditSubjects {

	private final JdbcClient jdbc;

	OrganisationAuditNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return "organisation";
	}

	@Override
	public String label() {
		return "单位";
	}

	@Override
	public Map<String, String> names(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		Long[] numbers = ids.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toArray(Long[]::new);
		jdbc.sql("select id, name from organisation where id = any(?)")
			.param(numbers)
			.query((rs, row) -> names.put(Long.toString(rs.getLong(1)), rs.getString(2)))
			.list();
		return names;
	}

	/** Regions by code. */
	@Component
	static class Regions implements AuditSubjects {

		private final JdbcClient jdbc;

		Regions(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String type() {
			return "region";
		}

		@Override
		public String label() {
			return "地区";
		}

		@Override
		public Map<String, String> names(Collection<String> ids) {
			Map<String, String> names = new HashMap<>();
			jdbc.sql("select code, name from region where code = any(?)")
				.param(ids.toArray(String[]::new))
				.query((rs, row) -> names.put(rs.getString(1), rs.getString(2) + " (" + rs.getString(1) + ")"))
				.list();
			return names;
		}

	}

}
