package cn.hxay.incident;

import java.util.List;

/**
 * Incidents of one year in the reader's scope counted by type, month and county; each row
 * with the filter of the list that shows exactly those incidents.
 */
public record IncidentStatistics(int year, List<Row> byType, List<Row> byMonth, List<Row> byCounty, long total,
		long deaths, long injured) {

	/**
	 * @param key the type name, {@code yyyy-MM} or the county code
	 * @param query the list's query string for exactly these incidents
	 */
	public record Row(String key, String label, long count, long deaths, long injured, String query) {
	}

}
