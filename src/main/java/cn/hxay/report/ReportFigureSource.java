package cn.hxay.report;

import java.util.List;

/**
 * A module's contribution to report prefilling: declare a bean implementing this
 * interface and its figures are offered to every form field that names them. The hazard
 * and inspection figures are here ({@code hazard.*}, {@code inspection.*}); the incident,
 * drill and school-gate post modules add theirs ({@code incident.*}, {@code drill.*},
 * {@code post.*}) without changing this module. Figures made from police-only data are
 * marked {@link ReportFigure#policeOnly()}.
 */
@FunctionalInterface
public interface ReportFigureSource {

	/** The figures of the unit for the period, computed within the request's scope. */
	List<ReportFigure> figures(FigureRequest request);

}
