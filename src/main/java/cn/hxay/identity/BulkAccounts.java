package cn.hxay.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.hxay.audit.AuditTrail;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.Violation;
import cn.hxay.shared.documents.ImportWorkbook;
import cn.hxay.shared.documents.ImportWorkbook.SheetRow;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening many accounts at once: from a source such as the school registry (one safety
 * lead per school, in the background with progress) or from an Excel sheet (checked row
 * by row first: one bad row and nothing is written). Every account gets a generated
 * one-time password and must choose its own at first sign-in. A run lives in PostgreSQL,
 * not in a node's memory: its progress is read by any node, and its passwords wait there
 * sealed under the key ring ({@link PasswordSheets}) for one download by the
 * administrator who opened them, then are destroyed; the accounts hold BCrypt hashes
 * only.
 */
@Service
public class BulkAccounts {

	static final int MAX_IMPORT_ROWS = 2_000;

	static final List<String> HEADERS = List.of("用户名", "姓名", "所属单位", "地区", "角色", "电话");

	static final List<String> REQUIRED = List.of("用户名", "姓名", "所属单位", "角色");

	/**
	 * A running run not heard of for this long died with its node (nothing was written).
	 */
	static final Duration SILENT = Duration.ofMinutes(5);

	private static final long PROGRESS_EVERY_NANOS = 300_000_000L;

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkAccounts.class);

	private final UserAccountStore store;

	private final UserAccounts accounts;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final TaskExecutor executor;

	private final List<AccountCandidates> sources;

	private final BulkRunStore runs;

	private final PasswordSheets sheets;

	private final Clock clock;

	/**
	 * One-time passwords are hashed with BCrypt at cost 6, not the platform's 10: the
	 * work factor is there to slow the guessing of passwords people choose, and a
	 * 12-character random one (about 70 bits) cannot be guessed at any cost; its holder
	 * replaces it at first sign-in, hashed at cost 10. This keeps opening a city's 600
	 * accounts in the order of a minute on a small server.
	 */
	private final PasswordEncoder oneTimeEncoder = new BCryptPasswordEncoder(6);

	BulkAccounts(UserAccountStore store, UserAccounts accounts, Organisations organisations, AuditTrail audit,
			TransactionTemplate transactions, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			List<AccountCandidates> sources, BulkRunStore runs, PasswordSheets sheets, Clock clock) {
		this.store = store;
		this.accounts = accounts;
		this.organisations = organisations;
		this.audit = audit;
		this.transactions = transactions;
		this.executor = executor;
		this.sources = sources;
		this.runs = runs;
		this.sheets = sheets;
		this.clock = clock;
	}

	/**
	 * One opening of accounts, as its progress page shows it (read from the database at
	 * the time of the request).
	 */
	public record Run(UUID id, String title, int total, int skipped, int done, String state, String message,
			double seconds, boolean passwordsWaiting, boolean downloaded, boolean expired, Instant keptUntil) {

		public boolean running() {
			return "RUNNING".equals(state);
		}

		public boolean succeeded() {
			return "DONE".equals(state);
		}

		public int percent() {
			return total == 0 ? 100 : (int) (100L * done / total);
		}

		/** Until when the passwords wait for their download, on the platform's clock. */
		public String keptUntilText() {
			return keptUntil == null ? "" : PlatformTime.MINUTE.format(keptUntil);
		}

	}

	public List<AccountCandidates> sources() {
		return sources;
	}

	/** How many accounts a source would open in a region, and how many exist already. */
	public int[] preview(int source, String regionCode) {
		List<AccountCandidates.Candidate> wanted = source(source).candidates(regionCode);
		List<AccountCandidates.Candidate> missing = missing(wanted);
		return new int[] { wanted.size(), wanted.size() - missing.size() };
	}

	/**
	 * Starts opening every account a source wants in a region that does not exist yet (no
	 * account of that role on that unit, user name free), in the background.
	 */
	public Run start(CurrentUser admin, int source, String regionCode, boolean confirmed) {
		if (!confirmed) {
			throw new InvalidInputException("confirm", "请勾选确认后再批量开通");
		}
		AccountCandidates from = source(source);
		organisations.region(regionCode == null ? "" : regionCode);
		List<AccountCandidates.Candidate> wanted = from.candidates(regionCode);
		List<AccountCandidates.Candidate> missing = missing(wanted);
		UUID id = UUID.randomUUID();
		runs.insert(id, admin.username(), from.label() + " · " + organisations.region(regionCode).name(),
				missing.size(), wanted.size() - missing.size(), clock.instant());
		executor.execute(new DelegatingSecurityContextRunnable(() -> open(id, missing)));
		return run(admin, id);
	}

	/**
	 * Opens the accounts of an Excel sheet. Every row is checked first; if any row is bad
	 * nothing is written and every problem is named by its row.
	 */
	public Run importWorkbook(CurrentUser admin, InputStream input) {
		List<SheetRow> rows = ImportWorkbook.read(input, REQUIRED, MAX_IMPORT_ROWS);
		List<Violation> problems = new ArrayList<>();
		List<AccountCandidates.Candidate> wanted = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		Set<String> taken = store
			.taken(rows.stream().map(r -> r.get("用户名")).filter(java.util.Objects::nonNull).map(String::strip).toList());
		for (SheetRow row : rows) {
			List<String> rowProblems = new ArrayList<>();
			String username = strip(row.get("用户名"));
			if (username == null || !username.matches("[A-Za-z0-9_.-]{3,50}")) {
				rowProblems.add("用户名为 3–50 位字母、数字、下划线、点或短横线");
			}
			else if (taken.contains(username)) {
				rowProblems.add("用户名 " + username + " 已被使用");
			}
			else if (seen.containsKey(username)) {
				rowProblems.add("用户名 " + username + " 与第 " + seen.get(username) + " 行重复");
			}
			if (username != null) {
				seen.putIfAbsent(username, row.number());
			}
			String name = strip(row.get("姓名"));
			if (name == null || name.length() > 50) {
				rowProblems.add("姓名不能为空，且不超过 50 个字");
			}
			Optional<Organisation> unit = unit(strip(row.get("所属单位")), strip(row.get("地区")), rowProblems);
			Set<Role> roles = roles(strip(row.get("角色")), rowProblems);
			String phone = strip(row.get("电话"));
			if (unit.isPresent() && !roles.isEmpty()) {
				accounts.checkRolesAndPhone(unit.get().id(), roles, phone).forEach(v -> rowProblems.add(v.message()));
			}
			rowProblems.forEach(p -> problems.add(ImportWorkbook.rowProblem(row.number(), p)));
			if (rowProblems.isEmpty()) {
				wanted.add(new AccountCandidates.Candidate(username, name, unit.get().id(), roles.iterator().next(),
						phone, unit.get().name()));
			}
		}
		if (rows.isEmpty()) {
			problems.add(Violation.of("file", "文件中没有数据行"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		runs.insert(id, admin.username(), "Excel 导入账户", wanted.size(), 0, clock.instant());
		open(id, wanted);
		Run run = run(admin, id);
		if (!run.succeeded()) {
			throw new InvalidInputException("file", run.message());
		}
		return run;
	}

	/** A run of this administrator, as it stands now. */
	public Run run(CurrentUser admin, UUID id) {
		return runs.find(id)
			.filter(row -> row.owner().equals(admin.username()))
			.map(row -> run(row, clock.instant()))
			.orElseThrow(() -> new NotFoundException("批量开通记录不存在"));
	}

	/**
	 * The one download of a run's one-time passwords as Excel, from any node: the sealed
	 * passwords are read and destroyed in one transaction (the row locked, so two
	 * downloads at once give one sheet) and the download is audited. Refused when already
	 * downloaded, not ready, or past its expiry (then destroyed, if not yet).
	 */
	public byte[] takePasswords(CurrentUser admin, UUID id) {
		return takePasswords(admin, id, clock);
	}

	byte[] takePasswords(CurrentUser admin, UUID id, Clock at) {
		Instant now = at.instant();
		Object outcome = transactions.execute(status -> {
			BulkRunStore.Row row = runs.lock(id)
				.filter(r -> r.owner().equals(admin.username()))
				.orElseThrow(() -> new NotFoundException("批量开通记录不存在"));
			if (row.downloadedAt() != null) {
				return "初始密码已下载过一次，不能再次下载；如有遗失请在用户列表中逐个重置";
			}
			if (!run(row, now).succeeded() || row.total() == 0) {
				return "初始密码尚未生成完毕";
			}
			if (row.sealed() == null || !now.isBefore(row.expiresAt())) {
				sheets.wipeExpired(now);
				return "一次性密码超过保留期未下载，已从服务器销毁；请在用户列表中逐个重置";
			}
			byte[] workbook = PasswordSheets.workbook(sheets.unseal(id, row.sealed()));
			runs.downloaded(id, admin.username(), now);
			audit.record("INITIAL_PASSWORDS_DOWNLOADED", "bulk_accounts", id,
					row.title() + "：" + row.total() + " 个账户的一次性密码已下载（仅一次），服务器上的密文已销毁");
			return workbook;
		});
		if (outcome instanceof byte[] workbook) {
			return workbook;
		}
		throw new InvalidInputException("passwords", String.valueOf(outcome));
	}

	/** The import template: the header row and one example. */
	public byte[] template() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("账户");
			ImportWorkbook.header(workbook, sheet, HEADERS, REQUIRED, ImportWorkbook::widthOf);
			Row example = sheet.createRow(1);
			String[] values = { "qinglong.zhang", "张伟", "青龙派出所", "天宁区", "派出所民警", "0519-86660000" };
			for (int i = 0; i < values.length; i++) {
				example.createCell(i).setCellValue(values[i]);
			}
			Sheet help = workbook.createSheet("角色");
			int r = 0;
			for (Role role : Role.values()) {
				help.createRow(r++).createCell(0).setCellValue(role.label());
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void open(UUID id, List<AccountCandidates.Candidate> wanted) {
		long started = System.nanoTime();
		try {
			BulkRunStore.Row row = runs.find(id).orElseThrow();
			List<PasswordSheets.Issued> issued = new ArrayList<>();
			List<UserAccountStore.NewAccountRow> rows = new ArrayList<>();
			// BCrypt is the slow part: hashed on two threads, the progress written as it
			// goes so that any node can show it
			ExecutorService hashing = Executors.newFixedThreadPool(2);
			try {
				List<Future<String[]>> hashed = new ArrayList<>();
				for (AccountCandidates.Candidate candidate : wanted) {
					hashed.add(hashing.submit(() -> {
						String password = OneTimePasswords.next();
						return new String[] { password, oneTimeEncoder.encode(password) };
					}));
				}
				long reported = System.nanoTime();
				for (int i = 0; i < wanted.size(); i++) {
					AccountCandidates.Candidate c = wanted.get(i);
					String[] pair = hashed.get(i).get();
					rows.add(new UserAccountStore.NewAccountRow(c.username(), c.displayName(), pair[1],
							c.organisationId(), Set.of(c.role()), c.phone()));
					issued.add(new PasswordSheets.Issued(c.username(), c.displayName(), c.unitName(), c.role().label(),
							pair[0]));
					if (System.nanoTime() - reported > PROGRESS_EVERY_NANOS) {
						runs.progress(id, i + 1, millisSince(started), clock.instant());
						reported = System.nanoTime();
					}
				}
			}
			finally {
				hashing.shutdownNow();
			}
			runs.progress(id, wanted.size(), millisSince(started), clock.instant());
			// all or nothing: the accounts, their audit rows and the sealed passwords in
			// one
			// transaction
			transactions.executeWithoutResult(status -> {
				for (int from = 0; from < rows.size(); from += 500) {
					store.insertAll(rows.subList(from, Math.min(rows.size(), from + 500)));
				}
				for (PasswordSheets.Issued account : issued) {
					audit.record("USER_CREATED", "user", account.username(),
							"批量开通：" + account.unitName() + "，角色 " + account.roleLabel() + "，一次性密码，首次登录须修改");
				}
				audit.record("USERS_OPENED_IN_BULK", "bulk_accounts", id,
						row.title() + "：开通 " + rows.size() + " 个账户，跳过已有账户 " + row.skipped() + " 个");
				Instant now = clock.instant();
				runs.finish(id, millisSince(started), sheets.seal(id, issued), now.plus(sheets.kept()), now);
			});
		}
		catch (Exception ex) {
			LOG.warn("bulk account run {} failed", id, ex);
			runs.fail(id,
					"批量开通失败，没有写入任何账户："
							+ (ex instanceof InvalidInputException ? ex.getMessage() : ex.getClass().getSimpleName()),
					millisSince(started), clock.instant());
		}
	}

	private Run run(BulkRunStore.Row row, Instant now) {
		String state = row.state();
		String message = row.message();
		if ("RUNNING".equals(state) && row.heardAt().isBefore(now.minus(SILENT))) {
			state = "FAILED";
			message = "批量开通已中断（服务重启或节点故障），没有写入任何账户，请重新开通";
		}
		boolean done = "DONE".equals(state);
		boolean waiting = done && row.sealed() != null && now.isBefore(row.expiresAt());
		boolean expired = done && row.total() > 0 && row.downloadedAt() == null && !waiting;
		return new Run(row.id(), row.title(), row.total(), row.skipped(), row.done(), state, message,
				row.elapsedMs() / 1000.0, waiting, row.downloadedAt() != null, expired, row.expiresAt());
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	private List<AccountCandidates.Candidate> missing(List<AccountCandidates.Candidate> wanted) {
		Set<Long> covered = new HashSet<>();
		wanted.stream()
			.map(AccountCandidates.Candidate::role)
			.distinct()
			.forEach(role -> covered.addAll(store.unitsWithRole(role)));
		Set<String> taken = store.taken(wanted.stream().map(AccountCandidates.Candidate::username).toList());
		Set<String> names = new HashSet<>();
		return wanted.stream()
			.filter(c -> !covered.contains(c.organisationId()) && !taken.contains(c.username())
					&& names.add(c.username()))
			.toList();
	}

	private AccountCandidates source(int index) {
		if (index < 0 || index >= sources.size()) {
			throw new InvalidInputException("source", "请选择开通来源");
		}
		return sources.get(index);
	}

	private Optional<Organisation> unit(String name, String region, List<String> problems) {
		if (name == null) {
			problems.add("所属单位不能为空");
			return Optional.empty();
		}
		List<Organisation> named = organisations.search(name, List.of(), 50)
			.stream()
			.filter(u -> u.name().equals(name))
			.filter(u -> region == null || u.regionCode().equals(region)
					|| organisations.regions()
						.stream()
						.anyMatch(r -> r.code().equals(u.regionCode()) && r.name().equals(region)))
			.toList();
		if (named.isEmpty()) {
			problems.add("找不到启用的单位“" + name + "”" + (region == null ? "" : "（地区 " + region + "）"));
			return Optional.empty();
		}
		if (named.size() > 1) {
			problems.add("单位名称“" + name + "”不唯一，请在“地区”列填写县(区)名称或代码");
			return Optional.empty();
		}
		return Optional.of(named.get(0));
	}

	private static Set<Role> roles(String text, List<String> problems) {
		if (text == null) {
			problems.add("角色不能为空");
			return Set.of();
		}
		Set<Role> roles = new HashSet<>();
		for (String part : text.split("[、,，;；]")) {
			String wanted = part.strip();
			if (wanted.isEmpty()) {
				continue;
			}
			Optional<Role> role = java.util.Arrays.stream(Role.values())
				.filter(r -> r.label().equals(wanted) || r.label().replaceAll("\\(.*\\)", "").equals(wanted)
						|| r.name().equals(wanted))
				.findFirst();
			if (role.isEmpty()) {
				problems.add("未知角色“" + (wanted.length() > 30 ? wanted.substring(0, 30) + "…" : wanted) + "”");
			}
			else {
				roles.add(role.get());
			}
		}
		if (roles.size() > 1) {
			problems.add("每行只能填一个角色");
			return Set.of();
		}
		return roles;
	}

	private static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
