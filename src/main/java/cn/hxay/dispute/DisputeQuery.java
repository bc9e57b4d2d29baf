package cn.hxay.dispute;

import cn.hxay.shared.web.PageLinks;

/** The list's filter as it arrives in a query string; unknown values are ignored. */
record DisputeQuery(String kind, String status, String region, String overdue, String escalated, String school,
		String text) {

	DisputeFilter filter() {
		String q = text == null || text.isBlank() ? null : text.strip();
		return new DisputeFilter(kind == null ? null : DisputeKind.parse(kind).orElse(null),
				status == null ? null : DisputeStatus.parse(status).orElse(null),
				region != null && region.matches("\\d{6}") ? region : null,
				"true".equals(overdue) ? Boolean.TRUE : null, "true".equals(escalated) ? Boolean.TRUE : null,
				school != null && school.matches("\\d{1,12}") ? Long.valueOf(school) : null,
				q != null && q.length() > 100 ? q.substring(0, 100) : q);
	}

	PageLinks links(String path) {
		DisputeFilter f = filter();
		return PageLinks.to(path)
			.with("kind", f.kind())
			.with("status", f.status())
			.with("region", f.regionCode())
			.with("overdue", f.overdue())
			.with("escalated", f.escalated())
			.with("school", f.schoolId())
			.with("text", f.text());
	}

}
