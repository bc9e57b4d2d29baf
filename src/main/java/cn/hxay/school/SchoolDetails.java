package cn.hxay.school;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import cn.hxay.shared.Violation;

/**
 * What is registered about a school, as entered on the form, in the API or in an Excel
 * row. The rules every school must meet, whatever the channel, are in
 * {@link #violations()}.
 *
 * @param code 学校标识码, ten digits, unique
 * @param keySecurityUnit listed as an 治安保卫重点单位
 * @param licensed holds a licence to operate (有资质)
 */
public record SchoolDetails(String code, String name, SchoolKind kind, Ownership ownership, Locality locality,
		boolean boarding, Integer students, Integer boarders, Integer staff, String address, BigDecimal longitude,
		BigDecimal latitude, String headmasterName, String headmasterPhone, String safetyLeadName,
		String safetyLeadPhone, Long educationBureauId, Long policeStationId, Long townshipId, boolean keySecurityUnit,
		boolean licensed) {

	private static final String PHONE = "[0-9+\\-() ]{5,20}";

	public SchoolDetails {
		code = clean(code);
		name = clean(name);
		address = clean(address);
		headmasterName = clean(headmasterName);
		headmasterPhone = clean(headmasterPhone);
		safetyLeadName = clean(safetyLeadName);
		safetyLeadPhone = clean(safetyLeadPhone);
		boarders = boarders == null && !boarding ? Integer.valueOf(0) : boarders;
		// stored as numeric(9,6): the same point compares equal however it was typed
		longitude = longitude == null ? null : longitude.setScale(6, RoundingMode.HALF_UP);
		latitude = latitude == null ? null : latitude.setScale(6, RoundingMode.HALF_UP);
	}

	/**
	 * Everything wrong with these details on their own (references to units are checked
	 * by the registry).
	 */
	public List<Violation> violations() {
		List<Violation> problems = new ArrayList<>();
		if (code == null || !code.matches("\\d{10}")) {
			problems.add(Violation.of("code", "学校标识码须为 10 位数字"));
		}
		if (name == null || name.length() < 2 || name.length() > 100) {
			problems.add(Violation.of("name", "学校名称须为 2–100 个字"));
		}
		if (kind == null) {
			problems.add(Violation.of("kind", "请选择学校类型"));
		}
		if (ownership == null) {
			problems.add(Violation.of("ownership", "请选择办学性质 (公办/民办)"));
		}
		if (locality == null) {
			problems.add(Violation.of("locality", "请选择城乡类型 (城区/镇区/乡村)"));
		}
		if (students == null || students < 0 || students > 100_000) {
			problems.add(Violation.of("students", "在校生数须为 0–100000 的整数"));
		}
		if (staff == null || staff < 0 || staff > 20_000) {
			problems.add(Violation.of("staff", "教职工数须为 0–20000 的整数"));
		}
		if (boarders == null || boarders < 0) {
			problems.add(Violation.of("boarders", "寄宿生数须为不小于 0 的整数"));
		}
		else {
			if (students != null && boarders > students) {
				problems.add(Violation.of("boarders", "寄宿生数 (" + boarders + ") 不能超过在校生数 (" + students + ")"));
			}
			if (!boarding && boarders > 0) {
				problems.add(Violation.of("boarders", "非寄宿制学校的寄宿生数应为 0；如有寄宿生请勾选“寄宿制”"));
			}
		}
		if (address != null && address.length() > 200) {
			problems.add(Violation.of("address", "地址不超过 200 个字"));
		}
		if ((longitude == null) != (latitude == null)) {
			problems.add(Violation.of("longitude", "经度和纬度须同时填写或同时留空"));
		}
		if (longitude != null && (longitude.compareTo(BigDecimal.valueOf(73)) < 0
				|| longitude.compareTo(BigDecimal.valueOf(136)) > 0)) {
			problems.add(Violation.of("longitude", "经度应在 73–136 之间 (中国境内)"));
		}
		if (latitude != null
				&& (latitude.compareTo(BigDecimal.valueOf(3)) < 0 || latitude.compareTo(BigDecimal.valueOf(54)) > 0)) {
			problems.add(Violation.of("latitude", "纬度应在 3–54 之间 (中国境内)"));
		}
		checkPerson(problems, "headmasterName", headmasterName, "校长姓名");
		checkPerson(problems, "safetyLeadName", safetyLeadName, "安全负责人姓名");
		checkPhone(problems, "headmasterPhone", headmasterPhone, "校长电话");
		checkPhone(problems, "safetyLeadPhone", safetyLeadPhone, "安全负责人电话");
		if (educationBureauId == null) {
			problems.add(Violation.of("educationBureauId", "请选择主管教育局"));
		}
		if (policeStationId == null) {
			problems.add(Violation.of("policeStationId", "请选择属地派出所"));
		}
		return problems;
	}

	/**
	 * These details with the unit assignment (code, bureau, station, township) taken from
	 * another.
	 */
	SchoolDetails withAssignmentOf(SchoolDetails other) {
		return new SchoolDetails(other.code, name, kind, ownership, locality, boarding, students, boarders, staff,
				address, longitude, latitude, headmasterName, headmasterPhone, safetyLeadName, safetyLeadPhone,
				other.educationBureauId, other.policeStationId, other.townshipId, other.keySecurityUnit,
				other.licensed);
	}

	private static void checkPerson(List<Violation> problems, String field, String value, String label) {
		if (value != null && value.length() > 50) {
			problems.add(Violation.of(field, label + "不超过 50 个字"));
		}
	}

	private static void checkPhone(List<Violation> problems, String field, String value, String label) {
		if (value != null && !value.matches(PHONE)) {
			problems.add(Violation.of(field, label + "格式不正确"));
		}
	}

	private static String clean(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
