package cn.hxay.shared.database;

import java.time.Clock;
import java.util.List;

import cn.hxay.shared.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to keep a range-partitioned table's retention: a job that creates the
 * coming partitions and drops whole expired ones, never deleting row by row. It runs at
 * start and on the subclass's schedule (a {@code @Scheduled} override of
 * {@link #nightly()}), on one node at a time (the named cluster lock); a failed run is
 * logged and tried again next time. Tests call {@link #maintain(Clock)} with a shifted
 * clock.
 */
public abstract class PartitionRetention {

	/**
	 * What one run did: the partitions created and dropped, or nothing if another node
	 * ran.
	 */
	public record Maintenance(boolean ran, List<String> created, List<String> dropped) {
	}

	private final Logger log = LoggerFactory.getLogger(getClass());

	protected final JdbcClient jdbc;

	private final ClusterLock lock;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String lockName;

	protected PartitionRetention(JdbcClient jdbc, ClusterLock lock, TransactionTemplate transaction, Clock clock,
			String lockName) {
		this.jdbc = jdbc;
		this.lock = lock;
		this.transaction = transaction;
		this.clock = clock;
		this.lockName = lockName;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void atStart() {
		nightly();
	}

	/** One run with the platform clock. */
	public void nightly() {
		try {
			Maintenance done = maintain(clock);
			if (!done.created().isEmpty() || !done.dropped().isEmpty()) {
				log.info("{}: partitions created {}, dropped {}", lockName, done.created(), done.dropped());
			}
		}
		catch (RuntimeException ex) {
			log.warn("{}: partition maintenance failed: {}", lockName, ex.getMessage());
		}
	}

	/** One run as of {@code at}, in one transaction holding the cluster lock. */
	public Maintenance maintain(Clock at) {
		return transaction
			.execute(status -> lock.tryTake(lockName) ? keep(at) : new Maintenance(false, List.of(), List.of()));
	}

	/** Creates and drops the partitions as of {@code at}; the lock is held. */
	protected abstract Maintenance keep(Clock at);

	/**
	 * The partitions of {@code parent} whose names match {@code nameRegex}, by name (with
	 * date suffixes: oldest first).
	 */
	protected List<String> partitionsOf(String parent, String nameRegex) {
		return jdbc.sql("""
				select c.relname from pg_inherits i
				join pg_class c on c.oid = i.inhrelid
				join pg_class p on p.oid = i.inhparent
				where p.relname = ? and c.relname ~ ?
				order by c.relname""").params(parent, nameRegex).query(String.class).list();
	}

}
