package cn.hxay.visitor;

import java.time.Instant;

/**
 * A refused check-in as the police station sees it: which school, when, who stood at the
 * gate (name, masked ID, purpose) and which list matched. Police only.
 *
 * @param keyPersonAlertId the key-person module's alert number (police open it there)
 */
public record GateAlert(long id, long visitId, long schoolId, String schoolName, Instant at, String visitorName,
		String idMasked, String purpose, String source, Long keyPersonAlertId) {

	public String sourceLabel() {
		return "BAN_LIST".equals(source) ? "学校禁入名单" : "公安重点人员名单";
	}

}
