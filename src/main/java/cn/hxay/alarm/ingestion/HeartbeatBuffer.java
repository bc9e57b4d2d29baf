package cn.hxay.alarm.ingestion;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Heartbeats are not stored one row each: they gather here per device (latest time and
 * count) and every flush interval one statement updates each device's status row. A
 * heartbeat lost in a crash costs nothing the next heartbeat does not restore; a failed
 * flush puts its heartbeats back for the next one. The same flush appends them to the
 * day-partitioned history {@code device_heartbeat} (see {@link HeartbeatPartitions}).
 * Also flushes the rejection counters.
 */
@Component
class HeartbeatBuffer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(HeartbeatBuffer.class);

	private record Beat(long latestMillis, long count) {

		Beat plus(Beat other) {
			return new Beat(Math.max(latestMillis, other.latestMillis), count + other.count);
		}

	}

	private final JdbcClient jdbc;

	private final IngestCounters counters;

	private final Duration interval;

	private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();

	private volatile Map<Long, Beat> pending = new ConcurrentHashMap<>();

	private ScheduledExecutorService flusher;

	HeartbeatBuffer(JdbcClient jdbc, IngestCounters counters,
			@Value("${hxay.device.flush-interval:200ms}") Duration interval) {
		this.jdbc = jdbc;
		this.counters = counters;
		this.interval = interval;
	}

	void record(long deviceId, Instant at) {
		Beat beat = new Beat(at.toEpochMilli(), 1);
		swap.readLock().lock();
		try {
			pending.merge(deviceId, beat, Beat::plus);
		}
		finally {
			swap.readLock().unlock();
		}
	}

	/** Writes what gathered; returns the number of devices updated. */
	synchronized int flush() {
		Map<Long, Beat> taken;
		swap.writeLock().lock();
		try {
			taken = pending;
			pending = new ConcurrentHashMap<>();
		}
		finally {
			swap.writeLock().unlock();
		}
		if (taken.isEmpty()) {
			return 0;
		}
		// sorted, so that two nodes updating the same rows lock them in the same order
		Long[] ids = taken.keySet().toArray(Long[]::new);
		Arrays.sort(ids);
		Long[] millis = new Long[ids.length];
		Long[] counts = new Long[ids.length];
		for (int i = 0; i < ids.length; i++) {
			Beat beat = taken.get(ids[i]);
			millis[i] = beat.latestMillis();
			counts[i] = beat.count();
		}
		try {
			// a heartbeat ends a device's outage, unless its registration has lapsed
			jdbc.sql("""
					update device_outage o set ended_at = to_timestamp(v.ms / 1000.0)
					from unnest(cast(? as bigint[]), cast(? as bigint[])) as v(id, ms)
					where o.device_id = v.id and o.ended_at is null
					  and not exists (select 1 from device_status r where r.device_id = v.id
					                  and r.registered_until <= to_timestamp(v.ms / 1000.0))""")
				.params(ids, millis)
				.update();
			int updated = jdbc.sql("""
					update device_status s
					set last_heartbeat_at = greatest(s.last_heartbeat_at, to_timestamp(v.ms / 1000.0)),
					    heartbeats = s.heartbeats + v.n
					from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[])) as v(id, ms, n)
					where s.device_id = v.id""").params(ids, millis, counts).update();
			log(ids, millis, counts);
			return updated;
		}
		catch (RuntimeException ex) {
			log.warn("heartbeat flush failed, {} devices kept for the next one: {}", ids.length, ex.getMessage());
			swap.readLock().lock();
			try {
				taken.forEach((id, beat) -> pending.merge(id, beat, Beat::plus));
			}
			finally {
				swap.readLock().unlock();
			}
			return 0;
		}
	}

	/**
	 * The raw history (device_heartbeat, one partition per day): kept apart from the
	 * status update, so that a missing partition costs history, never online status.
	 */
	private void log(Long[] ids, Long[] millis, Long[] counts) {
		try {
			jdbc.sql("""
					insert into device_heartbeat (device_id, at, beats)
					select v.id, to_timestamp(v.ms / 1000.0), v.n
					from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[])) as v(id, ms, n)""")
				.params(ids, millis, counts)
				.update();
		}
		catch (RuntimeException ex) {
			log.warn("heartbeat history not written for {} devices: {}", ids.length, ex.getMessage());
		}
	}

	private void flushAll() {
		try {
			flush();
			counters.flush();
		}
		catch (RuntimeException ex) {
			log.warn("ingest flush failed: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		flusher = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "heartbeat-flush");
			thread.setDaemon(true);
			return thread;
		});
		flusher.scheduleWithFixedDelay(this::flushAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (flusher != null) {
			flusher.shutdown();
			try {
				flusher.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			flushAll();
			flusher = null;
		}
	}

	@Override
	public boolean isRunning() {
		return flusher != null;
	}

	/** Stops after the MQTT client (which feeds it) and before the database goes. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 100;
	}

}
