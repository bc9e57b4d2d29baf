package cn.hxay.compliance;

import cn.hxay.shared.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the platform starts with rule files that differ from those the stored findings
 * were computed with, every school is re-evaluated in the background. Of several nodes
 * starting together only the first does it.
 */
@Component
class RuleBookChanges {

	private static final Logger log = LoggerFactory.getLogger(RuleBookChanges.class);

	private final RuleBook book;

	private final Compliance compliance;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ClusterLock clusterLock;

	RuleBookChanges(RuleBook book, Compliance compliance, JdbcClient jdbc, TransactionTemplate transactions,
			ClusterLock clusterLock) {
		this.clusterLock = clusterLock;
		this.book = book;
		this.compliance = compliance;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		String fingerprint = book.fingerprint();
		Boolean changed = transactions.execute(status -> {
			clusterLock.await("compliance.rule-book-changes");
			String stored = jdbc.sql("select fingerprint from rule_book_state where id = 1")
				.query(String.class)
				.optional()
				.orElse(null);
			if (fingerprint.equals(stored)) {
				return false;
			}
			jdbc.sql("""
					insert into rule_book_state (id, fingerprint) values (1, ?)
					on conflict (id) do update set fingerprint = excluded.fingerprint, changed_at = now()""")
				.param(fingerprint)
				.update();
			return stored != null;
		});
		if (Boolean.TRUE.equals(changed)) {
			log.info("规则文件已变更，开始全部学校重新评估");
			compliance.startFullEvaluation("system");
		}
	}

}
