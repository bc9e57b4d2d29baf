package cn.hxay.report;

import java.util.List;

/**
 * A module's contribution to report prefilling: declare a bean implementing this
 * interface and its figures are offered to every form field that names them. The sources
 * live here and read each owner's public API ({@code hazard.*}, {@code inspection.*},
 * {@code incident.*}, {@code drill.*}, {@code post.*}, {@code keyperson.*}): the owners
 * cannot depend on this module, since portal → alarm → dutypost would close a cycle. Each
 * figure is taken as of the period's end once the period is over
 * ({@link FigureRequest#asOf()}). Figures made from police-only data are marked
 * {@link ReportFigure#policeOnly()} and offered to police units only.
 */
@FunctionalInterface
public interface ReportFigureSource {

	/** The figures of the unit for the period, computed within the request's scope. */
	List<ReportFigure> figures(FigureRequest request);

}
