package cn.hxay.dispute;

/**
 * What a dispute list is narrowed to; every part may be null.
 *
 * @param overdue only open disputes past their deadline
 * @param escalated only escalated ones
 */
public record DisputeFilter(DisputeKind kind, DisputeStatus status, String regionCode, Boolean overdue,
		Boolean escalated, Long schoolId, String text) {

	public static DisputeFilter none() {
		return new DisputeFilter(null, null, null, null, null, null, null);
	}

}
