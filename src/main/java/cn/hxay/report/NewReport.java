package cn.hxay.report;

import java.time.LocalDate;

import cn.hxay.organisation.OrganisationKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A report to define, as typed on the page or sent to the API.
 *
 * @param dueDay for a monthly report the day of the next month; for half-monthly and
 * every-N-days reports the days after the period's end
 * @param endsOn the last day reported on (a one-off report: the day its figures are as
 * of)
 * @param finalDueOn a one-off report's due day (the final summary date)
 * @param lockDays days after the due day a late report is still accepted
 * @param remindDays days before the due day the reminder goes out
 */
public record NewReport(String title, ReportForm form, Cadence cadence, @Min(0) @Max(28) Integer dueDay,
		@Min(1) @Max(92) Integer periodDays, LocalDate startsOn, LocalDate endsOn, LocalDate finalDueOn,
		@Min(0) @Max(60) Integer lockDays, @Min(0) @Max(15) Integer remindDays, OrganisationKind targetKind) {

	static NewReport empty() {
		return new NewReport(null, ReportForm.PROGRESS, Cadence.HALF_MONTHLY, 3, null, null, null, null, 10, 2,
				OrganisationKind.COUNTY_EDUCATION_BUREAU);
	}

}
