package cn.hxay.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.hxay.audit.AuditTrail;
import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.crypto.FieldCipher;
import cn.hxay.shared.crypto.KeyRing;
import cn.hxay.shared.crypto.ReEncryption;
import cn.hxay.shared.documents.ImportWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-time passwords of a bulk run while they wait for their one download: sealed as
 * one AES-256-GCM ciphertext (the key ring's {@code identity} purpose, bound to the run's
 * id) in {@code bulk_account_run}, so any node can hand them out and a restart loses
 * nothing, while the database alone never reveals them. They are destroyed at the
 * download or, unread, when {@code hxay.identity.one-time-passwords.kept} (24 h) has
 * passed on the platform clock; a job wipes expired ones once per cluster.
 */
@Component
class PasswordSheets implements ReEncryption {

	static final String CIPHER = "identity";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final FieldCipher cipher;

	private final BulkRunStore store;

	private final AuditTrail audit;

	private final ClusterLock clusterLock;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration kept;

	PasswordSheets(KeyRing keys, BulkRunStore store, AuditTrail audit, ClusterLock clusterLock,
			TransactionTemplate transactions, Clock clock,
			@Value("${hxay.identity.one-time-passwords.kept:PT24H}") Duration kept) {
		this.cipher = keys.cipher(CIPHER);
		this.store = store;
		this.audit = audit;
		this.clusterLock = clusterLock;
		this.transactions = transactions;
		this.clock = clock;
		this.kept = kept;
	}

	/** An account opened, with its one-time password. */
	record Issued(String username, String displayName, String unitName, String roleLabel, String password) {
	}

	/** How long sealed passwords wait for their download. */
	Duration kept() {
		return kept;
	}

	/** The passwords as the ciphertext to store; none to keep gives {@code null}. */
	String seal(UUID run, List<Issued> issued) {
		return issued.isEmpty() ? null : cipher.encrypt(field(run), JSON.writeValueAsString(issued));
	}

	List<Issued> unseal(UUID run, String sealed) {
		return Arrays.asList(JSON.readValue(cipher.decrypt(field(run), sealed), Issued[].class));
	}

	/**
	 * Destroys, in the caller's transaction, every sheet past its expiry, audited run by
	 * run.
	 */
	int wipeExpired(Instant now) {
		List<BulkRunStore.Row> gone = store.wipeExpired(now);
		gone.forEach(run -> audit.record("INITIAL_PASSWORDS_EXPIRED", "bulk_accounts", run.id(),
				run.title() + "：" + run.total() + " 个账户的一次性密码超过保留期 " + kept.toHours() + " 小时未下载，已从服务器销毁"));
		return gone.size();
	}

	@Scheduled(fixedDelayString = "${hxay.identity.one-time-passwords.expiry-check:PT10M}", initialDelayString = "PT1M")
	void wipeExpired() {
		wipeExpired(clock);
	}

	/** The expiry job at a given time, once per cluster. */
	int wipeExpired(Clock at) {
		Integer wiped = transactions.execute(
				status -> clusterLock.tryTake("identity.one-time-password-expiry") ? wipeExpired(at.instant()) : 0);
		return wiped == null ? 0 : wiped;
	}

	@Override
	public String what() {
		return "待下载的一次性密码";
	}

	@Override
	public int reencryptStale() {
		Integer done = transactions.execute(status -> {
			int count = 0;
			for (UUID run : store.sealedUnder(cipher.currentId())) {
				BulkRunStore.Row row = store.lock(run).orElseThrow();
				if (row.sealed() != null && cipher.isStale(row.sealed())) {
					store.reseal(run, cipher.encrypt(field(run), cipher.decrypt(field(run), row.sealed())));
					count++;
				}
			}
			return count;
		});
		return done == null ? 0 : done;
	}

	/** The sheet handed to the administrator. */
	static byte[] workbook(List<Issued> issued) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("一次性密码");
			List<String> headers = List.of("用户名", "姓名", "单位", "角色", "一次性密码");
			ImportWorkbook.header(workbook, sheet, headers, List.of(), h -> h.equals("单位") ? 40 : 18);
			int r = 1;
			for (Issued account : issued) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(account.username());
				row.createCell(1).setCellValue(account.displayName());
				row.createCell(2).setCellValue(account.unitName());
				row.createCell(3).setCellValue(account.roleLabel());
				row.createCell(4).setCellValue(account.password());
			}
			sheet.createRow(r + 1).createCell(0).setCellValue("每个密码只能用于首次登录，登录后须立即修改。本文件只能下载一次：请当面或经加密渠道分发，分发后删除。");
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The associated data: the column and the run, so a ciphertext fits only its row. */
	private static String field(UUID run) {
		return "bulk_account_run.passwords_cipher/" + run;
	}

}
