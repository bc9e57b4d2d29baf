package cn.hxay.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.hxay.audit.AuditTrail;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.ConcurrentEditException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.Violation;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's API: opening, changing and listing accounts, and the login
 * bookkeeping behind lockout.
 */
@Service
@Transactional(readOnly = true)
public class UserAccounts {

	private final UserAccountStore store;

	private final Organisations organisations;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final Clock clock;

	private final AccountSessions sessions;

	private final ClusterLock clusterLock;

	UserAccounts(UserAccountStore store, Organisations organisations, PasswordEncoder passwordEncoder, AuditTrail audit,
			Clock clock, AccountSessions sessions, ClusterLock clusterLock) {
		this.sessions = sessions;
		this.clusterLock = clusterLock;
		this.store = store;
		this.organisations = organisations;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	public boolean anyExist() {
		return store.any();
	}

	/**
	 * Opens an account whose password its holder chose (the first administrator, demo
	 * accounts). An administrator opening an account for someone else uses
	 * {@link #openForHolder}.
	 */
	@Transactional
	public UserSummary open(NewUserAccount command) {
		return open(command, false);
	}

	/**
	 * An administrator opens an account for someone else: the password the administrator
	 * set is a one-time one, and its holder must choose their own at first sign-in
	 * ({@link FirstPasswordFilter}), as for accounts opened in bulk or reset.
	 */
	@Transactional
	public UserSummary openForHolder(NewUserAccount command) {
		return open(command, true);
	}

	private UserSummary open(NewUserAccount command, boolean mustChangePassword) {
		List<Violation> problems = new ArrayList<>();
		if (command.username() == null || !command.username().matches("[A-Za-z0-9_.-]{3,50}")) {
			problems.add(Violation.of("username", "用户名为 3–50 位字母、数字、下划线、点或短横线"));
		}
		else if (store.byUsername(command.username()).isPresent()) {
			problems.add(Violation.of("username", "用户名 " + command.username() + " 已被使用"));
		}
		if (command.displayName() == null || command.displayName().isEmpty() || command.displayName().length() > 50) {
			problems.add(Violation.of("displayName", "姓名不能为空，且不超过 50 个字"));
		}
		PasswordPolicy.check(command.password()).ifPresent(reason -> problems.add(Violation.of("password", reason)));
		problems.addAll(checkRolesAndPhone(command.organisationId(), command.roles(), command.phone()));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = store.insert(command.username(), command.displayName(), passwordEncoder.encode(command.password()),
				command.organisationId(), command.roles(), command.phone(), mustChangePassword);
		audit.record("USER_CREATED", "user", command.username(),
				"角色 " + labels(command.roles()) + (mustChangePassword ? "，管理员设置的初始密码，首次登录须修改" : ""));
		return summary(store.byId(id).orElseThrow());
	}

	@Transactional
	public UserSummary change(long id, int version, String displayName, Set<Role> roles, String phone,
			boolean enabled) {
		UserAccount account = store.byId(id).orElseThrow(() -> new NotFoundException("用户不存在"));
		List<Violation> problems = new ArrayList<>();
		String name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty() || name.length() > 50) {
			problems.add(Violation.of("displayName", "姓名不能为空，且不超过 50 个字"));
		}
		String cleanPhone = phone == null || phone.isBlank() ? null : phone.strip();
		problems.addAll(checkRolesAndPhone(account.organisationId(), roles == null ? Set.of() : roles, cleanPhone));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!store.update(id, version, name, roles, cleanPhone, enabled)) {
			throw new ConcurrentEditException("用户 " + account.username());
		}
		// a disabled account or changed roles take effect now, not when the session ends
		boolean signOut = !enabled || !account.roles().equals(roles);
		int ended = signOut ? sessions.endOthers(account.username()) : 0;
		audit.record("USER_CHANGED", "user", account.username(),
				"角色 " + labels(roles) + (enabled ? "" : "，已停用") + (ended > 0 ? "，已结束其 " + ended + " 个会话" : ""));
		return summary(store.byId(id).orElseThrow());
	}

	/**
	 * An administrator sets a new password for someone else, e.g. after they forgot
	 * theirs.
	 */
	@Transactional
	public void resetPassword(long id, String newPassword) {
		UserAccount account = store.byId(id).orElseThrow(() -> new NotFoundException("用户不存在"));
		PasswordPolicy.check(newPassword).ifPresent(reason -> {
			throw new InvalidInputException("password", reason);
		});
		store.changePassword(id, passwordEncoder.encode(newPassword), true);
		int ended = sessions.endOthers(account.username());
		audit.record("PASSWORD_RESET", "user", account.username(),
				"管理员重置密码，并解除锁定，首次登录须修改" + (ended > 0 ? "，已结束其 " + ended + " 个会话" : ""));
	}

	/**
	 * An administrator gives someone a new one-time password, generated here and shown to
	 * the administrator once (never stored in clear): the account is unlocked, its
	 * sessions end and the holder must choose their own password at the next sign-in. The
	 * administrator types the user name to confirm.
	 */
	@Transactional
	public String resetToOneTimePassword(long id, String confirmedUsername) {
		UserAccount account = store.byId(id).orElseThrow(() -> new NotFoundException("用户不存在"));
		if (confirmedUsername == null || !account.username().equals(confirmedUsername.strip())) {
			throw new InvalidInputException("confirm", "请输入用户名 " + account.username() + " 以确认重置");
		}
		String password = OneTimePasswords.next();
		store.changePassword(id, passwordEncoder.encode(password), true);
		int ended = sessions.endOthers(account.username());
		audit.record("PASSWORD_RESET", "user", account.username(),
				"管理员重置为一次性密码，并解除锁定，首次登录须修改" + (ended > 0 ? "，已结束其 " + ended + " 个会话" : ""));
		return password;
	}

	/** Whether the account must still replace a password someone else set. */
	boolean mustChangePassword(long id) {
		return store.mustChangePassword(id);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordSignedIn(String username) {
		store.markSignedIn(username, clock.instant());
	}

	@Transactional
	public void changeOwnPassword(CurrentUser user, String currentPassword, String newPassword, String repeated) {
		UserAccount account = store.byId(user.id()).orElseThrow(() -> new NotFoundException("用户不存在"));
		List<Violation> problems = new ArrayList<>();
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
			problems.add(Violation.of("currentPassword", "当前密码不正确"));
		}
		PasswordPolicy.check(newPassword).ifPresent(reason -> problems.add(Violation.of("newPassword", reason)));
		if (newPassword != null && !newPassword.equals(repeated)) {
			problems.add(Violation.of("repeatedPassword", "两次输入的新密码不一致"));
		}
		if (newPassword != null && newPassword.equals(currentPassword)) {
			problems.add(Violation.of("newPassword", "新密码不能与当前密码相同"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		store.changePassword(user.id(), passwordEncoder.encode(newPassword), false);
		int ended = sessions.endOthers(user.username());
		audit.record("PASSWORD_CHANGED", "user", user.username(),
				"本人修改密码" + (ended > 0 ? "，已结束其他 " + ended + " 个会话" : ""));
	}

	public Paged<UserSummary> search(String text, Long organisationId, PageRequest page) {
		return search(text, organisationId, null, page);
	}

	/**
	 * Accounts whose user name, name or unit name contains the text, optionally of one
	 * unit and in one state.
	 */
	public Paged<UserSummary> search(String text, Long organisationId, UserState state, PageRequest page) {
		String cleaned = text == null || text.isBlank() ? null : text.strip();
		List<Long> unitsNamed = cleaned == null ? List.of()
				: organisations.search(cleaned, List.of(), 50).stream().map(Organisation::id).toList();
		return store.search(cleaned, unitsNamed, organisationId, state, page).map(this::summary);
	}

	public UserSummary get(long id) {
		return store.byId(id).map(this::summary).orElseThrow(() -> new NotFoundException("用户不存在"));
	}

	/**
	 * The first administrator, set at first start outside demo mode: only while no
	 * account exists at all. An advisory lock keeps two nodes starting together from both
	 * creating one.
	 */
	@Transactional
	public UserSummary openFirstAdministrator(NewUserAccount command) {
		clusterLock.await("identity.first-administrator");
		if (store.any()) {
			throw new InvalidInputException(null, "系统已初始化，不能再次设置管理员");
		}
		return open(command);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean recordFailedLogin(String username) {
		return store.byUsernameForUpdate(username).map(account -> {
			UserAccount after = account.afterQuietSince(store.lastFailedAt(account.id()), clock.instant())
				.afterFailedLogin(clock.instant());
			store.saveLoginState(after, clock.instant());
			return after.isLockedAt(clock.instant()) && !account.isLockedAt(clock.instant());
		}).orElse(false);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordSuccessfulLogin(String username) {
		store.clearFailures(username);
	}

	List<Violation> checkRolesAndPhone(long organisationId, Set<Role> roles, String phone) {
		List<Violation> problems = new ArrayList<>();
		Organisation unit = organisations.find(organisationId).orElse(null);
		if (unit == null) {
			problems.add(Violation.of("organisationId", "请选择所属单位"));
		}
		else if (!unit.enabled()) {
			problems.add(Violation.of("organisationId", "单位“" + unit.name() + "”已停用，不能新建账户"));
		}
		if (roles.isEmpty()) {
			problems.add(Violation.of("roles", "至少选择一个角色"));
		}
		else if (unit != null) {
			roles.stream()
				.filter(role -> !role.fits(unit.kind()))
				.forEach(role -> problems.add(Violation.of("roles",
						"角色“" + role.label() + "”不能设在" + unit.kind().label() + "“" + unit.name() + "”")));
		}
		if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
			problems.add(Violation.of("phone", "电话号码格式不正确"));
		}
		return problems;
	}

	private UserSummary summary(UserAccount account) {
		return new UserSummary(account.id(), account.username(), account.displayName(), account.organisationId(),
				account.roles(), account.phone(), account.enabled(), account.isLockedAt(clock.instant()),
				account.version(), account.mustChangePassword(), account.lastLoginAt());
	}

	private static String labels(Set<Role> roles) {
		return String.join("、", roles.stream().map(Role::label).sorted().toList());
	}

}
