package cn.hxay.identity;

import java.util.List;

/**
 * A source of accounts to open in bulk, implemented by the module that knows who needs
 * one (the school registry: one safety lead per school). Identity asks; it never reads
 * the source's tables.
 */
public interface AccountCandidates {

	/** What the source opens, for the page, e.g. "学校名录：每校一名安全负责人". */
	String label();

	/** The accounts wanted in a region (a city code includes its counties). */
	List<Candidate> candidates(String regionCode);

	/**
	 * One account wanted: its user name, name, unit, role and phone, and what it is for
	 * (e.g. the school's name).
	 */
	record Candidate(String username, String displayName, long organisationId, Role role, String phone,
			String unitName) {
	}

}
