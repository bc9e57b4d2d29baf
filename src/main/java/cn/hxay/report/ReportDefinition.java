package cn.hxay.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.OrganisationKind;

/**
 * A report a unit above defines (填报任务): its form, cadence, the kind of unit below that
 * must report, and the days after each due day a late report is still accepted (then the
 * period locks).
 */
public record ReportDefinition(long id, String title, ReportForm form, Cadence cadence, int dueDay, Integer periodDays,
		LocalDate startsOn, LocalDate endsOn, LocalDate finalDueOn, int lockDays, int remindDays,
		OrganisationKind targetKind, long ownerUnitId, String ownerUnit, String createdBy, Instant createdAt) {

	/** The periods begun by {@code today}, newest first. */
	public List<Period> periods(LocalDate today) {
		List<Period> all = new ArrayList<>(
				cadence.periods(startsOn, endsOn, dueDay, periodDays, finalDueOn, lockDays, today));
		Collections.reverse(all);
		return all;
	}

	/** The period beginning on {@code start}, if the report has one by {@code today}. */
	public Optional<Period> period(LocalDate start, LocalDate today) {
		return cadence.periods(startsOn, endsOn, dueDay, periodDays, finalDueOn, lockDays, today)
			.stream()
			.filter(p -> p.start().equals(start))
			.findFirst();
	}

	/** The newest period begun by {@code today}, if any. */
	public Optional<Period> current(LocalDate today) {
		List<Period> all = periods(today);
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
	}

	/** 每半月，期满后 3 日内报送 … in words. */
	public String cadenceText() {
		return switch (cadence) {
			case HALF_MONTHLY -> "每半月一报，期满后 " + dueDay + " 日内报送";
			case MONTHLY -> "每月一报，次月 " + dueDay + " 日前报送上月情况";
			case TENTH_AND_25TH -> "每月 10 日、25 日前报送";
			case ONE_OFF -> "一次性报送（数据截至 " + endsOn + "，" + finalDueOn + " 前报送）";
			case EVERY_N_DAYS -> "每 " + periodDays + " 天一报，期满后 " + dueDay + " 日内报送";
		};
	}

}
