package cn.hxay.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One node of the cluster at a time: a named PostgreSQL advisory lock held by the current
 * transaction and released when it commits or rolls back. Nodes share nothing but the
 * database, so this is how a nightly job runs once per cluster and how two nodes starting
 * together build the demo city or the first administrator once. Names are dotted by
 * module, e.g. {@code hazard.overdue-job}; both methods need a transaction (a lock taken
 * outside one would be released at once).
 */
@Component
public class ClusterLock {

	private final JdbcClient jdbc;

	ClusterLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits until this transaction holds the named lock. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void await(String name) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(name).query(Object.class).single();
	}

	/**
	 * Takes the named lock for this transaction if no other holds it; {@code false} when
	 * another node's transaction does (skip this run: that node is doing it).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean tryTake(String name) {
		return Boolean.TRUE.equals(
				jdbc.sql("select pg_try_advisory_xact_lock(hashtext(?))").param(name).query(Boolean.class).single());
	}

}
