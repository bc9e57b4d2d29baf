package cn.hxay.report;

import java.time.Instant;
import java.time.LocalDate;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;

/**
 * What a {@link ReportFigureSource} is asked for: the reporting unit, that unit's own
 * data scope (police data only for a police unit), the period reported on, and the moment
 * the figures are taken as of: the period's end when the report is opened after it (a
 * late report still shows its period's figures), else the moment of opening.
 *
 * @param asOf the end of the period, or now when the period has not ended yet
 */
public record FigureRequest(Organisation unit, DataScope scope, LocalDate periodStart, LocalDate periodEnd,
		Instant asOf) {

	/** The last day the figures cover: the period's end, or today while it runs. */
	public LocalDate asOfDay() {
		LocalDate today = cn.hxay.shared.PlatformTime.dayOf(asOf);
		return today.isBefore(periodEnd) ? today : periodEnd;
	}

	/** Whether the period is over when the figures are taken (they are as of its end). */
	public boolean periodOver() {
		return !cn.hxay.shared.PlatformTime.dayOf(asOf).isBefore(periodEnd.plusDays(1));
	}

	/** Whether the reporting unit is a school (its own account). */
	public boolean school() {
		return unit.kind() == cn.hxay.organisation.OrganisationKind.SCHOOL;
	}

	/** Whether the unit is a police unit (its figures may be police-only). */
	public boolean police() {
		return scope.policeData();
	}

}
