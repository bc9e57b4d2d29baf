package cn.hxay.report;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting periods of each cadence, their due days and locks, and a unit's standing
 * judged by the period (no Spring).
 */
class CadenceTests {

	static LocalDate d(String s) {
		return LocalDate.parse(s);
	}

	@Test
	void halfMonthlyPeriodsSplitOnThe15thAndAreDueDaysAfterTheirEnd() {
		List<Period> ps = Cadence.HALF_MONTHLY.periods(d("2026-02-03"), null, 3, null, null, 5, d("2026-03-20"));
		assertThat(ps).extracting(Period::start)
			.containsExactly(d("2026-02-01"), d("2026-02-16"), d("2026-03-01"), d("2026-03-16"));
		assertThat(ps.get(1).end()).isEqualTo(d("2026-02-28"));
		assertThat(ps.get(1).due()).isEqualTo(d("2026-03-03"));
		assertThat(ps.get(1).lockedAfter()).isEqualTo(d("2026-03-08"));
	}

	@Test
	void monthlyIsDueOnDayNOfTheNextMonth() {
		List<Period> ps = Cadence.MONTHLY.periods(d("2026-01-10"), null, 3, null, null, 0, d("2026-02-01"));
		assertThat(ps).hasSize(2);
		assertThat(ps.get(0).end()).isEqualTo(d("2026-01-31"));
		assertThat(ps.get(0).due()).isEqualTo(d("2026-02-03"));
	}

	@Test
	void tenthAnd25thPeriodsEndAndAreDueOnThoseDaysAcrossTheYear() {
		List<Period> ps = Cadence.TENTH_AND_25TH.periods(d("2025-12-28"), null, 0, null, null, 2, d("2026-01-26"));
		assertThat(ps).extracting(Period::start).containsExactly(d("2025-12-26"), d("2026-01-11"), d("2026-01-26"));
		assertThat(ps).extracting(Period::due).containsExactly(d("2026-01-10"), d("2026-01-25"), d("2026-02-10"));
	}

	@Test
	void oneOffHasOnePeriodDueOnTheFinalDate() {
		List<Period> ps = Cadence.ONE_OFF.periods(d("2019-06-01"), d("2019-07-31"), 0, null, d("2019-08-07"), 0,
				d("2019-06-02"));
		assertThat(ps).containsExactly(new Period(d("2019-06-01"), d("2019-07-31"), d("2019-08-07"), d("2019-08-07")));
	}

	@Test
	void everyNDaysFollowsNoCalendar() {
		List<Period> ps = Cadence.EVERY_N_DAYS.periods(d("2026-03-05"), d("2026-03-30"), 2, 10, null, 0,
				d("2026-12-31"));
		assertThat(ps).extracting(Period::start).containsExactly(d("2026-03-05"), d("2026-03-15"), d("2026-03-25"));
		assertThat(ps.get(0).end()).isEqualTo(d("2026-03-14"));
		assertThat(ps.get(0).due()).isEqualTo(d("2026-03-16"));
	}

	@Test
	void standingIsJudgedByThePeriodNotTheDayItWasTyped() {
		Period p = new Period(d("2026-11-01"), d("2026-11-15"), d("2026-11-18"), d("2026-11-28"));
		assertThat(p.statusOn(d("2026-11-18"), null)).isEqualTo(ReportStatus.DUE);
		assertThat(p.statusOn(d("2026-11-19"), null)).isEqualTo(ReportStatus.OVERDUE);
		assertThat(p.statusOn(d("2026-11-29"), null)).isEqualTo(ReportStatus.MISSING);
		assertThat(p.statusOn(d("2026-12-20"), d("2026-11-18"))).isEqualTo(ReportStatus.ON_TIME);
		assertThat(p.statusOn(d("2026-11-20"), d("2026-11-19"))).isEqualTo(ReportStatus.LATE);
		assertThat(p.openOn(d("2026-11-28"))).isTrue();
		assertThat(p.openOn(d("2026-11-29"))).isFalse();
	}

}
