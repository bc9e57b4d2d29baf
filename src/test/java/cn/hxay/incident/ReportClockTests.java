package cn.hxay.incident;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report clock as a plain rule, without Spring. */
class ReportClockTests {

	static final Instant OCCURRED = Instant.parse("2026-11-30T00:00:00Z");

	final ReportClock clock = ReportClock.DEFAULT;

	@Test
	void aFirstReportIsLateOnlyAfterTheHour() {
		assertThat(clock.firstLate(OCCURRED, OCCURRED.plus(Duration.ofMinutes(60)))).isFalse();
		assertThat(clock.firstLate(OCCURRED, OCCURRED.plus(Duration.ofMinutes(61)))).isTrue();
	}

	@Test
	void aFollowUpIsOverdueAfterTheIntervalFromTheLatestReportAndTheFinalAfterSevenDays() {
		Instant reported = OCCURRED.plus(Duration.ofMinutes(30));
		Instant followUpDue = clock.followUpDue(reported);
		Instant finalDue = clock.finalDue(OCCURRED);
		assertThat(clock.overdue(false, followUpDue, finalDue, followUpDue)).isEmpty();
		assertThat(clock.overdue(false, followUpDue, finalDue, followUpDue.plusSeconds(1)))
			.extracting(ReportClock.Finding::report)
			.containsExactly(ReportKind.FOLLOW_UP);
		assertThat(clock.overdue(false, followUpDue, finalDue, finalDue.plusSeconds(1)))
			.extracting(ReportClock.Finding::report)
			.containsExactly(ReportKind.FOLLOW_UP, ReportKind.FINAL);
		assertThat(clock.overdue(false, followUpDue, finalDue, finalDue.plusSeconds(1)).get(1).reason())
			.isEqualTo("终报逾期：应在案发后 7 天内终报");
		assertThat(clock.overdue(true, followUpDue, finalDue, finalDue.plusSeconds(1))).as("closed").isEmpty();
	}

	@Test
	void limitsAreConfigurableButPositive() {
		ReportClock strict = new ReportClock(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofDays(3));
		assertThat(strict.firstLate(OCCURRED, OCCURRED.plus(Duration.ofMinutes(31)))).isTrue();
		assertThat(strict.describe()).contains("30 分钟").contains("12 小时").contains("3 天");
		assertThatThrownBy(() -> new ReportClock(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theAggregateRefusesReportsAndStepsOnceClosed() {
		Incident open = new Incident(1, IncidentType.THEFT, 1, "学校", "320402",
				new cn.hxay.organisation.SchoolUnits(1, 2L, 3L, null), "车棚", OCCURRED, "不明", "被盗", 0, 0, null,
				IncidentStatus.REPORTED, OCCURRED, false, OCCURRED, clock.followUpDue(OCCURRED),
				clock.finalDue(OCCURRED), null, null, "青龙派出所", "民警", 0);
		Instant later = OCCURRED.plus(Duration.ofHours(3));
		Incident followed = open.afterReport(ReportKind.FOLLOW_UP, new NewReport("进展", 0, 1), later, clock);
		assertThat(followed.status()).isEqualTo(IncidentStatus.FOLLOWING_UP);
		assertThat(followed.followUpDue()).isEqualTo(later.plus(Duration.ofHours(24)));
		assertThat(followed.injured()).isEqualTo(1);
		Incident closed = followed.afterReport(ReportKind.FINAL, new NewReport("结案", 0, 1), later, clock);
		assertThat(closed.closed()).isTrue();
		assertThat(closed.followUpDue()).isNull();
		assertThatThrownBy(() -> closed.afterReport(ReportKind.FOLLOW_UP, new NewReport("再报", 0, 1), later, clock))
			.hasMessageContaining("已终报");
		assertThatThrownBy(() -> followed.checkAction(OCCURRED.minusSeconds(60), later))
			.hasMessageContaining("处置时间应在案发之后");
		assertThatThrownBy(() -> closed.checkAction(later, later)).hasMessageContaining("已终报");
	}

}
