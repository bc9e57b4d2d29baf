package cn.hxay.incident;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import cn.hxay.shared.web.PageLinks;

/**
 * The list's filter as it arrives in a query string: unknown choices and malformed months
 * or years are ignored rather than failing, as the other lists do.
 */
record IncidentQuery(String type, String status, String region, String month, String year, String overdue, String text,
		String from, String to) {

	IncidentFilter filter() {
		IncidentType t = type == null ? null : IncidentType.parse(type).orElse(null);
		IncidentStatus s = status == null ? null : IncidentStatus.parse(status).orElse(null);
		String r = region != null && region.matches("\\d{6}") ? region : null;
		YearMonth m = null;
		try {
			m = month == null || month.isBlank() ? null : YearMonth.parse(month.strip());
			if (m != null && (m.getYear() < 2000 || m.getYear() > 2100)) {
				m = null;
			}
		}
		catch (DateTimeParseException ex) {
			m = null;
		}
		Integer y = year != null && year.matches("20\\d\\d") ? Integer.valueOf(year) : null;
		Boolean o = "true".equals(overdue) ? Boolean.TRUE : null;
		String q = text == null || text.isBlank() ? null : text.strip();
		if (q != null && q.length() > 100) {
			q = q.substring(0, 100);
		}
		return new IncidentFilter(t, s, r, m, y, o, q, day(from), day(to));
	}

	private static LocalDate day(String text) {
		try {
			LocalDate d = text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
			return d == null || d.getYear() < 2000 || d.getYear() > 2100 ? null : d;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Links to this list with the filter as understood. */
	PageLinks links(String path) {
		IncidentFilter f = filter();
		return PageLinks.to(path)
			.with("type", f.type())
			.with("status", f.status())
			.with("region", f.regionCode())
			.with("month", f.month())
			.with("year", f.year())
			.with("overdue", f.overdue())
			.with("text", f.text())
			.with("from", f.from())
			.with("to", f.to());
	}

}
