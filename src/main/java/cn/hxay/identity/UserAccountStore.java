package cn.hxay.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * User accounts in PostgreSQL.
 */
@Repository
class UserAccountStore {

	private final JdbcClient jdbc;

	UserAccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from user_account)").query(Boolean.class).single();
	}

	Optional<UserAccount> byUsername(String username) {
		return jdbc.sql("select * from user_account where username = ?").param(username).query(this::map).optional();
	}

	Optional<UserAccount> byUsernameForUpdate(String username) {
		return jdbc.sql("select * from user_account where username = ? for update")
			.param(username)
			.query(this::map)
			.optional();
	}

	Optional<UserAccount> byId(long id) {
		return jdbc.sql("select * from user_account where id = ?").param(id).query(this::map).optional();
	}

	Paged<UserAccount> search(String text, Long organisationId, PageRequest page) {
		String where = """
				where (cast(:text as varchar) is null or username ilike :like or display_name ilike :like)
				  and (cast(:org as bigint) is null or organisation_id = :org)""";
		String like = text == null ? null : "%" + text.replace("%", "\\%").replace("_", "\\_") + "%";
		long total = jdbc.sql("select count(*) from user_account " + where)
			.param("text", text)
			.param("like", like)
			.param("org", organisationId)
			.query(Long.class)
			.single();
		List<UserAccount> rows = jdbc
			.sql("select * from user_account " + where + " order by username limit :l offset :o")
			.param("text", text)
			.param("like", like)
			.param("org", organisationId)
			.param("l", page.size())
			.param("o", page.offset())
			.query(this::map)
			.list();
		return new Paged<>(rows, page.page(), page.size(), total);
	}

	long insert(String username, String displayName, String passwordHash, long organisationId, Set<Role> roles,
			String phone) {
		return jdbc.sql("""
				insert into user_account (username, display_name, password_hash, organisation_id, roles, phone)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(username, displayName, passwordHash, organisationId, roleList(roles), phone)
			.query(Long.class)
			.single();
	}

	boolean update(long id, int version, String displayName, Set<Role> roles, String phone, boolean enabled) {
		return jdbc.sql("""
				update user_account set display_name = ?, roles = ?, phone = ?, enabled = ?, version = version + 1
				where id = ? and version = ?""")
			.params(displayName, roleList(roles), phone, enabled, id, version)
			.update() == 1;
	}

	void changePassword(long id, String passwordHash) {
		jdbc.sql("""
				update user_account set password_hash = ?, password_changed_at = now(), failed_attempts = 0,
				locked_until = null, version = version + 1 where id = ?""").params(passwordHash, id).update();
	}

	void saveLoginState(UserAccount account, Instant failedAt) {
		jdbc.sql("update user_account set failed_attempts = ?, locked_until = ?, last_failed_at = ? where id = ?")
			.params(account.failedAttempts(),
					account.lockedUntil() == null ? null : Timestamp.from(account.lockedUntil()),
					Timestamp.from(failedAt), account.id())
			.update();
	}

	Instant lastFailedAt(long id) {
		List<Timestamp> at = jdbc.sql("select last_failed_at from user_account where id = ?")
			.param(id)
			.query((rs, row) -> rs.getTimestamp(1))
			.list();
		return at.isEmpty() || at.get(0) == null ? null : at.get(0).toInstant();
	}

	void clearFailures(String username) {
		jdbc.sql("""
				update user_account set failed_attempts = 0, locked_until = null
				where username = ? and (failed_attempts > 0 or locked_until is not null)""").param(username).update();
	}

	private static String roleList(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	private UserAccount map(ResultSet rs, int row) throws SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		Set<Role> roles = Arrays.stream(rs.getString("roles").split(","))
			.filter(s -> !s.isBlank())
			.map(Role::valueOf)
			.collect(Collectors.toSet());
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), rs.getLong("organisation_id"), roles, rs.getString("phone"),
				rs.getBoolean("enabled"), rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(),
				rs.getInt("version"));
	}

}
