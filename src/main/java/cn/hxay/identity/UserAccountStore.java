package cn.hxay.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
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

	Paged<UserAccount> search(String text, List<Long> unitsNamed, Long organisationId, UserState state,
			PageRequest page) {
		String where = """
				where (cast(:text as varchar) is null or username ilike :like or display_name ilike :like
				       or organisation_id = any(cast(:units as bigint[])))
				  and (cast(:org as bigint) is null or organisation_id = :org)
				  and (cast(:state as varchar) is null
				       or (:state = 'LOCKED' and locked_until > now())
				       or (:state = 'DISABLED' and not enabled)
				       or (:state = 'MUST_CHANGE' and must_change_password)
				       or (:state = 'NEVER_SIGNED_IN' and last_login_at is null))""";
		String like = text == null ? null : "%" + text.replace("%", "\\%").replace("_", "\\_") + "%";
		long total = jdbc.sql("select count(*) from user_account " + where)
			.param("text", text)
			.param("like", like)
			.param("org", organisationId)
			.param("units", unitsNamed.toArray(Long[]::new))
			.param("state", state == null ? null : state.name())
			.query(Long.class)
			.single();
		List<UserAccount> rows = jdbc
			.sql("select * from user_account " + where + " order by username limit :l offset :o")
			.param("text", text)
			.param("like", like)
			.param("org", organisationId)
			.param("units", unitsNamed.toArray(Long[]::new))
			.param("state", state == null ? null : state.name())
			.param("l", page.size())
			.param("o", page.offset())
			.query(this::map)
			.list();
		return new Paged<>(rows, page.page(), page.size(), total);
	}

	long insert(String username, String displayName, String passwordHash, long organisationId, Set<Role> roles,
			String phone, boolean mustChangePassword) {
		return jdbc.sql("""
				insert into user_account (username, display_name, password_hash, organisation_id, roles, phone,
				must_change_password)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(username, displayName, passwordHash, organisationId, roleList(roles), phone, mustChangePassword)
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

	void changePassword(long id, String passwordHash, boolean mustChange) {
		jdbc.sql("""
				update user_account set password_hash = ?, password_changed_at = now(), failed_attempts = 0,
				locked_until = null, must_change_password = ?, version = version + 1 where id = ?""")
			.params(passwordHash, mustChange, id)
			.update();
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

	/**
	 * Accounts opened together in one statement per batch: each with a one-time password
	 * hash and the must-change flag.
	 */
	void insertAll(List<NewAccountRow> rows) {
		jdbc.sql("""
				insert into user_account (username, display_name, password_hash, organisation_id, roles, phone,
				must_change_password)
				select u, n, h, o, r, p, true from unnest(cast(:usernames as varchar[]), cast(:names as varchar[]),
				cast(:hashes as varchar[]), cast(:units as bigint[]), cast(:roles as varchar[]),
				cast(:phones as varchar[])) as t(u, n, h, o, r, p)""")
			.param("usernames", rows.stream().map(NewAccountRow::username).toArray(String[]::new))
			.param("names", rows.stream().map(NewAccountRow::displayName).toArray(String[]::new))
			.param("hashes", rows.stream().map(NewAccountRow::passwordHash).toArray(String[]::new))
			.param("units", rows.stream().map(NewAccountRow::organisationId).toArray(Long[]::new))
			.param("roles", rows.stream().map(r -> roleList(r.roles())).toArray(String[]::new))
			.param("phones", rows.stream().map(NewAccountRow::phone).toArray(String[]::new))
			.update();
	}

	/** A new account as written in bulk. */
	record NewAccountRow(String username, String displayName, String passwordHash, long organisationId, Set<Role> roles,
			String phone) {
	}

	/** Which of the given user names are taken. */
	Set<String> taken(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("select username from user_account where username = any(?)")
			.param(usernames.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/** The units that already have an account with the role. */
	Set<Long> unitsWithRole(Role role) {
		return Set.copyOf(jdbc.sql("select distinct organisation_id from user_account where ',' || roles || ',' like ?")
			.param("%," + role.name() + ",%")
			.query(Long.class)
			.list());
	}

	boolean mustChangePassword(long id) {
		return jdbc.sql("select must_change_password from user_account where id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void markSignedIn(String username, Instant at) {
		jdbc.sql("update user_account set last_login_at = ? where username = ?")
			.params(Timestamp.from(at), username)
			.update();
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
				rs.getInt("version"), rs.getBoolean("must_change_password"),
				rs.getTimestamp("last_login_at") == null ? null : rs.getTimestamp("last_login_at").toInstant());
	}

}
