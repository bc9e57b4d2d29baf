package cn.hxay.unlicensed;

/**
 * What the ledger is narrowed to; every part may be null.
 *
 * @param overdue only cases past their deadline and not licensed or banned
 * @param recheck only banned cases whose re-check is due
 */
public record InstitutionFilter(InstitutionKind kind, InstitutionStatus status, String regionCode, Boolean overdue,
		Boolean recheck, String text) {

	public static InstitutionFilter none() {
		return new InstitutionFilter(null, null, null, null, null, null);
	}

	public static InstitutionFilter overdueOnly() {
		return new InstitutionFilter(null, null, null, Boolean.TRUE, null, null);
	}

	public static InstitutionFilter recheckOnly() {
		return new InstitutionFilter(null, null, null, null, Boolean.TRUE, null);
	}

}
