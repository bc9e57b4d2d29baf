package cn.hxay.unlicensed;

import cn.hxay.shared.web.PageLinks;

/** The ledger's filter as it arrives in a query string; unknown values are ignored. */
record InstitutionQuery(String kind, String status, String region, String overdue, String recheck, String text) {

	InstitutionFilter filter() {
		String q = text == null || text.isBlank() ? null : text.strip();
		return new InstitutionFilter(kind == null ? null : InstitutionKind.parse(kind).orElse(null),
				status == null ? null : InstitutionStatus.parse(status).orElse(null),
				region != null && region.matches("\\d{6}") ? region : null,
				"true".equals(overdue) ? Boolean.TRUE : null, "true".equals(recheck) ? Boolean.TRUE : null,
				q != null && q.length() > 100 ? q.substring(0, 100) : q);
	}

	PageLinks links(String path) {
		InstitutionFilter f = filter();
		return PageLinks.to(path)
			.with("kind", f.kind())
			.with("status", f.status())
			.with("region", f.regionCode())
			.with("overdue", f.overdue())
			.with("recheck", f.recheck())
			.with("text", f.text());
	}

}
