package cn.hxay.report;

import java.time.LocalDate;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;

/**
 * What a {@link ReportFigureSource} is asked for: the reporting unit, that unit's own
 * data scope (police data only for a police unit), and the period reported on.
 */
public record FigureRequest(Organisation unit, DataScope scope, LocalDate periodStart, LocalDate periodEnd) {

}
