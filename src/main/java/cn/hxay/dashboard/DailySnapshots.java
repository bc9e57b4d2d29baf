package cn.hxay.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.shared.ClusterLock;
import cn.hxay.shared.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps one snapshot of every county's dashboard figures per day (Asia/Shanghai), taken
 * at night and on start when the day has none, once per cluster; trends are read from
 * them.
 */
@Component
@EnableScheduling
public class DailySnapshots {

	private static final Logger log = LoggerFactory.getLogger(DailySnapshots.class);

	/** A day of the trend, summed over the counties asked for. */
	public record Day(LocalDate day, Double complianceRate, Double rectificationRate, Double networkingRate,
			Double campaignRate, long hazardsOpen, long hazardsOverdue) {
	}

	private final CommandDashboard dashboard;

	private final SnapshotStore store;

	private final ClusterLock lock;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DailySnapshots(CommandDashboard dashboard, SnapshotStore store, ClusterLock lock, TransactionTemplate transactions,
			Clock clock) {
		this.dashboard = dashboard;
		this.store = store;
		this.lock = lock;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${hxay.dashboard.snapshot-cron:0 20 0 * * *}", zone = PlatformTime.ZONE_ID)
	void nightly() {
		take(clock, true);
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		try {
			take(clock, false);
		}
		catch (RuntimeException ex) {
			log.warn("看板每日快照未能生成: {}", ex.getMessage());
		}
	}

	/**
	 * Takes the day's snapshot by the given clock; with {@code replace} false only when
	 * the day has none. Returns whether one was written.
	 */
	public boolean take(Clock at, boolean replace) {
		LocalDate day = PlatformTime.today(at);
		Boolean written = transactions.execute(status -> {
			if (!lock.tryTake("dashboard.snapshot")) {
				return false;
			}
			if (!replace && store.has(day)) {
				return false;
			}
			store.save(day, dashboard.allCounties(), at.instant());
			return true;
		});
		return Boolean.TRUE.equals(written);
	}

	/** The days of the last {@code days} with a snapshot, summed over the counties. */
	public List<Day> trend(Collection<String> regionCodes, int days) {
		LocalDate from = PlatformTime.today(clock).minusDays(days);
		Map<LocalDate, List<CountyFigures>> byDay = new LinkedHashMap<>();
		for (SnapshotStore.Snapshot s : store.since(regionCodes, from)) {
			byDay.computeIfAbsent(s.day(), d -> new ArrayList<>()).add(s.figures());
		}
		List<Day> result = new ArrayList<>();
		byDay.forEach((day, rows) -> {
			CountyFigures sum = sum(rows);
			result.add(new Day(day, sum.complianceRate(), sum.rectificationRate(), sum.networkingRate(),
					sum.campaignRate(), sum.hazardsOpen(), sum.hazardsOverdue()));
		});
		return result;
	}

	/** A county's figures as they were on a day. */
	public record Then(LocalDate day, CountyFigures figures) {
	}

	/**
	 * Each county's figures on the first snapshot day on or after {@code days} ago and
	 * before today (none for a county whose first snapshot is today's).
	 */
	public Map<String, Then> before(Collection<String> regionCodes, int days) {
		LocalDate today = PlatformTime.today(clock);
		Map<String, Then> first = new LinkedHashMap<>();
		for (SnapshotStore.Snapshot s : store.since(regionCodes, today.minusDays(days))) {
			if (s.day().isBefore(today)) {
				first.putIfAbsent(s.figures().regionCode(), new Then(s.day(), s.figures()));
			}
		}
		return first;
	}

	static CountyFigures sum(List<CountyFigures> rows) {
		long[] t = new long[11];
		for (CountyFigures f : rows) {
			t[0] += f.schools();
			t[1] += f.compliant();
			t[2] += f.evaluated();
			t[3] += f.hazardsOpen();
			t[4] += f.hazardsOverdue();
			t[5] += f.hazardsSupervised();
			t[6] += f.hazardsTotal();
			t[7] += f.formsAssigned();
			t[8] += f.formsAccepted();
			t[9] += f.devicesRequired();
			t[10] += f.devicesOnline();
		}
		return new CountyFigures("*", "合计", t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], 0);
	}

}
