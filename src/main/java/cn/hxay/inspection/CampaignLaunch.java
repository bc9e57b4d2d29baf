package cn.hxay.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.SchoolUnits;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolKind;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a launched campaign out to the schools in its scope: one set-based insert per
 * thousand schools, all in one transaction (the forms appear together, or not at all),
 * with the progress committed beside it in {@code inspection_campaign_launch} after each
 * batch, so that the campaign page of any node can show it. A campaign over fewer schools
 * than {@code hxay.inspection.launch-in-background-from} (default 2,000: a county or a
 * city) is handed out within the launch request; a larger one by a background job.
 */
@Component
class CampaignLaunch {

	static final int BATCH = 1000;

	/**
	 * Said of a launch that failed, or stopped with its node (no batch for five minutes):
	 * its transaction was rolled back.
	 */
	static final String STOPPED = "下发中断，未向任何学校下发自查表，请重新发起检查任务";

	private static final Logger LOG = LoggerFactory.getLogger(CampaignLaunch.class);

	private final InspectionStore store;

	private final SchoolRegistry schools;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate progressTransaction;

	private final TaskExecutor executor;

	private volatile int backgroundFrom;

	CampaignLaunch(InspectionStore store, SchoolRegistry schools, JdbcClient jdbc,
			PlatformTransactionManager transactions, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			@Value("${hxay.inspection.launch-in-background-from:2000}") int backgroundFrom) {
		this.store = store;
		this.schools = schools;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.progressTransaction = new TransactionTemplate(transactions);
		this.progressTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.executor = executor;
		this.backgroundFrom = backgroundFrom;
	}

	/** Tests hand out small campaigns in the background too. */
	void backgroundFrom(int schools) {
		this.backgroundFrom = schools;
	}

	/** How many schools in scope a campaign over this region and these kinds covers. */
	long schoolsCovered(DataScope scope, String regionCode, List<SchoolKind> kinds) {
		if (kinds.isEmpty()) {
			return schools
				.search(scope, new SchoolFilter(null, regionCode, null, null, null, null), PageRequest.of(0, 1))
				.total();
		}
		// the kinds are disjoint, so their counts add up
		return kinds.stream()
			.distinct()
			.mapToLong(kind -> schools
				.search(scope, new SchoolFilter(null, regionCode, null, kind, null, null), PageRequest.of(0, 1))
				.total())
			.sum();
	}

	/**
	 * Records the launch as running over {@code total} schools (in the caller's
	 * transaction).
	 */
	void started(long campaignId, long total, Instant at) {
		jdbc.sql("""
				insert into inspection_campaign_launch (campaign_id, total, done, state, started_at, updated_at)
				values (?, ?, 0, 'RUNNING', ?, ?)""")
			.params(campaignId, total, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
			.update();
	}

	/**
	 * Hands the campaign out, within this request for a small campaign, else in the
	 * background.
	 */
	void handOut(long campaignId, long total, DataScope scope, String regionCode, List<SchoolKind> kinds,
			LocalDate due) {
		Runnable job = () -> run(campaignId, scope, regionCode, kinds, due);
		if (total < backgroundFrom) {
			job.run();
		}
		else {
			executor.execute(job);
		}
	}

	Optional<LaunchProgress> progress(long campaignId) {
		return jdbc
			.sql("""
					select campaign_id, total, done,
					  case when state = 'RUNNING' and updated_at < now() - interval '5 minutes' then 'FAILED' else state end
					    as state,
					  case when state = 'RUNNING' and updated_at < now() - interval '5 minutes' then :stalled else message end
					    as message,
					  extract(epoch from coalesce(finished_at, now()) - started_at) as seconds
					from inspection_campaign_launch where campaign_id = :id""")
			.param("id", campaignId)
			.param("stalled", STOPPED)
			.query((rs, n) -> new LaunchProgress(rs.getLong("campaign_id"), rs.getInt("total"), rs.getInt("done"),
					rs.getString("state"), rs.getString("message"), rs.getDouble("seconds")))
			.optional();
	}

	private void run(long campaignId, DataScope scope, String regionCode, List<SchoolKind> kinds, LocalDate due) {
		try {
			transaction.executeWithoutResult(tx -> {
				List<School> batch = new ArrayList<>(BATCH);
				int[] done = { 0 };
				schools.forEach(scope, new SchoolFilter(null, regionCode, null, null, null, null), school -> {
					if (kinds.isEmpty() || kinds.contains(school.details().kind())) {
						batch.add(school);
						if (batch.size() == BATCH) {
							done[0] += assign(campaignId, due, batch);
							progressed(campaignId, done[0]);
						}
					}
				});
				done[0] += assign(campaignId, due, batch);
				jdbc.sql("""
						update inspection_campaign_launch
						set done = ?, total = ?, state = 'DONE', updated_at = now(), finished_at = clock_timestamp()
						where campaign_id = ?""").params(done[0], done[0], campaignId).update();
			});
		}
		catch (RuntimeException ex) {
			LOG.error("检查任务 {} 下发失败", campaignId, ex);
			progressTransaction.executeWithoutResult(tx -> jdbc.sql("""
					update inspection_campaign_launch
					set state = 'FAILED', message = ?, updated_at = now(), finished_at = clock_timestamp()
					where campaign_id = ?""").params(STOPPED, campaignId).update());
		}
	}

	/** One set-based insert for a batch of schools; empties the batch. */
	private int assign(long campaignId, LocalDate due, List<School> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		Map<Long, Organisation> units = schools.unitsOf(batch);
		store.assign(campaignId, due, batch.stream().map(s -> {
			Long station = s.details().policeStationId();
			Long[] unitIds = new SchoolUnits(s.organisationId(), s.details().educationBureauId(), station,
					s.details().townshipId())
				.ids();
			String stationName = station == null || units.get(station) == null ? null : units.get(station).name();
			return new InspectionStore.Assignment(s.id(), s.name(), s.regionCode(), unitIds, stationName);
		}).toList());
		int size = batch.size();
		batch.clear();
		return size;
	}

	private void progressed(long campaignId, int done) {
		progressTransaction.executeWithoutResult(tx -> jdbc
			.sql("update inspection_campaign_launch set done = ?, updated_at = now() where campaign_id = ?")
			.params(done, campaignId)
			.update());
	}

}
