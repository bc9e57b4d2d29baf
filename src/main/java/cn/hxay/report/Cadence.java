package cn.hxay.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How often a report is due, from the seeds: every half month (seed 000 §四(四)), monthly
 * by day N of the next month (seed 003: 每月3日前报送上月), on the 10th and 25th (seed 004
 * §四(三)), once with a final summary date (seed 001: figures as of 31 July, report by 7
 * August), or every N days from the start (a period that follows no calendar).
 */
public enum Cadence {

	HALF_MONTHLY("每半月"), MONTHLY("每月"), TENTH_AND_25TH("每月10日、25日"), ONE_OFF("一次性（总结）"), EVERY_N_DAYS("自定周期（每 N 天）");

	private final String label;

	Cadence(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * The periods of a report that begin on or before {@code until}, oldest first.
	 * @param startsOn the first day reported on
	 * @param endsOn the last day reported on, or {@code null} for open-ended
	 * @param dueDay for {@link #MONTHLY} the day of the next month; for
	 * {@link #HALF_MONTHLY} and {@link #EVERY_N_DAYS} the days after the period's end
	 * @param periodDays the length of an {@link #EVERY_N_DAYS} period
	 * @param finalDueOn the due day of a {@link #ONE_OFF} report
	 * @param lockDays days after the due day a late report is still accepted
	 */
	public List<Period> periods(LocalDate startsOn, LocalDate endsOn, int dueDay, Integer periodDays,
			LocalDate finalDueOn, int lockDays, LocalDate until) {
		List<Period> periods = new ArrayList<>();
		if (this == ONE_OFF) {
			LocalDate end = endsOn == null ? startsOn : endsOn;
			LocalDate due = finalDueOn == null ? end : finalDueOn;
			periods.add(new Period(startsOn, end, due, due.plusDays(lockDays)));
			return periods;
		}
		LocalDate start = firstStart(startsOn);
		while (!start.isAfter(until) && (endsOn == null || !start.isAfter(endsOn)) && periods.size() < 1000) {
			LocalDate end = endOf(start, periodDays);
			LocalDate due = dueOf(end, dueDay);
			periods.add(new Period(start, end, due, due.plusDays(lockDays)));
			start = end.plusDays(1);
		}
		return periods;
	}

	/** The start of the calendar period containing {@code day}. */
	private LocalDate firstStart(LocalDate day) {
		return switch (this) {
			case HALF_MONTHLY -> day.getDayOfMonth() <= 15 ? day.withDayOfMonth(1) : day.withDayOfMonth(16);
			case MONTHLY -> day.withDayOfMonth(1);
			case TENTH_AND_25TH -> {
				if (day.getDayOfMonth() <= 10) {
					yield day.minusMonths(1).withDayOfMonth(26);
				}
				yield day.getDayOfMonth() <= 25 ? day.withDayOfMonth(11) : day.withDayOfMonth(26);
			}
			case ONE_OFF, EVERY_N_DAYS -> day;
		};
	}

	private LocalDate endOf(LocalDate start, Integer periodDays) {
		return switch (this) {
			case HALF_MONTHLY ->
				start.getDayOfMonth() == 1 ? start.withDayOfMonth(15) : YearMonth.from(start).atEndOfMonth();
			case MONTHLY -> YearMonth.from(start).atEndOfMonth();
			case TENTH_AND_25TH ->
				start.getDayOfMonth() == 11 ? start.withDayOfMonth(25) : start.plusMonths(1).withDayOfMonth(10);
			case EVERY_N_DAYS -> start.plusDays(Math.max(1, periodDays == null ? 7 : periodDays) - 1L);
			case ONE_OFF -> start;
		};
	}

	private LocalDate dueOf(LocalDate end, int dueDay) {
		return switch (this) {
			case MONTHLY -> {
				YearMonth next = YearMonth.from(end).plusMonths(1);
				yield next.atDay(Math.min(Math.max(1, dueDay), next.lengthOfMonth()));
			}
			// 每月10日、25日前上报: the period's last day
			case TENTH_AND_25TH -> end;
			default -> end.plusDays(Math.max(0, dueDay));
		};
	}

}
