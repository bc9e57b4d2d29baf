package cn.hxay.keyperson;

import java.math.BigDecimal;

import jakarta.validation.constraints.Pattern;

/**
 * The create and edit form as typed: every field a string, so that whatever was typed is
 * shown again next to its Chinese error. Bean Validation checks what must parse; the rest
 * of the rules are the register's own ({@link KeyPersonDetails}).
 */
record KeyPersonForm(String name, String idNumber, String phone, String address,
		@Pattern(regexp = "^$|^-?\\d{1,3}(\\.\\d{1,8})?$", message = "经度应为数字，如 119.974123") String longitude,
		@Pattern(regexp = "^$|^-?\\d{1,2}(\\.\\d{1,8})?$", message = "纬度应为数字，如 31.811234") String latitude,
		@Pattern(regexp = "^$|^\\d{1,18}$", message = "请选择责任派出所") String stationId, String officer,
		@Pattern(regexp = "^$|^(LOW|MEDIUM|HIGH)$", message = "请选择风险等级") String risk, String category, String measures,
		String guardians, String communityContacts,
		@Pattern(regexp = "^$|^\\d{1,3}$", message = "走访间隔应为 1–365 天的整数") String visitIntervalDays,
		@Pattern(regexp = "^$|^\\d{1,9}$", message = "版本号无效") String version,
		@Pattern(regexp = "^$|^\\d{4}-\\d{2}-\\d{2}$", message = "纳入管控日期格式应为 yyyy-MM-dd") String controlledSince) {

	static KeyPersonForm empty(Long stationId, String officer) {
		return new KeyPersonForm("", "", "", "", "", "", stationId == null ? "" : stationId.toString(), officer,
				"MEDIUM", "", "", "", "", "", "", "");
	}

	static KeyPersonForm of(KeyPerson p) {
		return new KeyPersonForm(p.name(), p.maskedIdNumber(), p.maskedPhone() == null ? "" : p.maskedPhone(),
				p.address(), text(p.longitude()), text(p.latitude()), Long.toString(p.stationId()), p.officer(),
				p.risk().name(), p.category(), p.plan().measures(), p.plan().guardians(), p.plan().communityContacts(),
				p.plan().visitIntervalDays() == null ? "" : p.plan().visitIntervalDays().toString(),
				Integer.toString(p.version()), p.controlledSince().toString());
	}

	KeyPersonDetails details() {
		return new KeyPersonDetails(name, idNumber, phone, address, decimal(longitude), decimal(latitude),
				blank(stationId) ? null : Long.valueOf(stationId), officer,
				blank(risk) ? null : RiskLevel.valueOf(risk), category, measures, guardians, communityContacts,
				integer(visitIntervalDays), blank(controlledSince) ? null : java.time.LocalDate.parse(controlledSince));
	}

	KeyPersonChanges changes() {
		return new KeyPersonChanges(name, idNumber, phone == null ? "" : phone, address, decimal(longitude),
				decimal(latitude), officer, category, measures, guardians, communityContacts,
				integer(visitIntervalDays));
	}

	int versionNumber() {
		return blank(version) ? -1 : Integer.parseInt(version);
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static BigDecimal decimal(String value) {
		return blank(value) ? null : new BigDecimal(value.strip());
	}

	static Integer integer(String value) {
		return blank(value) ? null : Integer.valueOf(value.strip());
	}

	private static String text(BigDecimal value) {
		return value == null ? "" : value.toPlainString();
	}

}
