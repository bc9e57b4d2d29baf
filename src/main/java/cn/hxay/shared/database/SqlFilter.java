package cn.hxay.shared.database;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The condition of a filtered list, built from the filter's set fields, with its values
 * kept by parameter name: the count and the page read the same condition, so figures and
 * lists agree.
 */
public final class SqlFilter {

	private final StringBuilder sql;

	private final Map<String, Object> params = new LinkedHashMap<>();

	/** A filter that starts with {@code condition} (e.g. the data-scope condition). */
	public SqlFilter(String condition) {
		this.sql = new StringBuilder(condition);
	}

	/** Adds a condition without a value of its own. */
	public SqlFilter and(String condition) {
		sql.append(" and ").append(condition);
		return this;
	}

	/** Adds a condition that reads {@code :name}, bound to {@code value}. */
	public SqlFilter and(String condition, String name, Object value) {
		and(condition);
		params.put(name, value);
		return this;
	}

	public String sql() {
		return sql.toString();
	}

	/**
	 * Binds the filter's values, and {@code name} to {@code value} when a condition reads
	 * it (e.g. today's date for an overdue condition).
	 */
	public StatementSpec bind(StatementSpec spec, String name, Object value) {
		params.forEach(spec::param);
		if (sql.indexOf(":" + name) >= 0) {
			spec.param(name, value);
		}
		return spec;
	}

	/**
	 * How many rows of {@code from} (a table and its alias) the filter keeps;
	 * {@code binding} binds the filter's values and any others its conditions read.
	 */
	public long count(JdbcClient jdbc, String from, UnaryOperator<StatementSpec> binding) {
		return binding.apply(jdbc.sql("select count(*) from " + from + " where " + sql)).query(Long.class).single();
	}

	/**
	 * One page of the rows the filter keeps, in {@code orderBy} order, with the count of
	 * them all from the same condition.
	 */
	public <T> Paged<T> page(JdbcClient jdbc, String columns, String from, String orderBy, PageRequest page,
			UnaryOperator<StatementSpec> binding, RowMapper<T> rows) {
		long total = count(jdbc, from, binding);
		List<T> items = binding
			.apply(jdbc.sql("select " + columns + " from " + from + " where " + sql + " order by " + orderBy
					+ " limit :limit offset :offset"))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(rows)
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	/**
	 * An {@code ilike} pattern matching {@code text} anywhere, the wildcards typed taken
	 * literally.
	 */
	public static String containing(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
