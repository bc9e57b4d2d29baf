package cn.hxay.school;

import java.util.ArrayList;
import java.util.List;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.Violation;

import org.springframework.stereotype.Component;

/**
 * Checks a school's details together with the units they refer to. Not transactional on
 * purpose: a refusal here must not mark a surrounding transaction (such as an import) for
 * rollback.
 */
@Component
class SchoolValidation {

	private final SchoolStore store;

	private final Organisations organisations;

	SchoolValidation(SchoolStore store, Organisations organisations) {
		this.store = store;
		this.organisations = organisations;
	}

	/**
	 * Checks the details and their references to units; returns the region the school
	 * lies in.
	 * @param existing the school being changed, or {@code null} for a new one
	 */
	String validate(DataScope scope, SchoolDetails details, School existing) {
		List<Violation> problems = new ArrayList<>(details.violations());
		if (details.code() != null && details.code().matches("\\d{10}")) {
			store.byCode(details.code())
				.filter(other -> existing == null || other.id() != existing.id())
				.ifPresent(other -> problems.add(Violation.of("code", "学校标识码 " + details.code() + " 已被其他学校使用")));
		}
		String regionCode = null;
		Organisation bureau = organisations.find(details.educationBureauId()).orElse(null);
		if (details.educationBureauId() != null) {
			if (bureau == null || (bureau.kind() != OrganisationKind.COUNTY_EDUCATION_BUREAU
					&& bureau.kind() != OrganisationKind.CITY_EDUCATION_BUREAU)) {
				problems.add(Violation.of("educationBureauId", "主管单位必须是教育局"));
				bureau = null;
			}
			else if (!scope.covers(bureau.id())
					&& !(existing != null && bureau.id() == existing.details().educationBureauId())) {
				problems.add(Violation.of("educationBureauId", "不能把学校登记到您管辖范围以外的教育局"));
			}
			else {
				regionCode = bureau.regionCode();
			}
		}
		Organisation station = organisations.find(details.policeStationId()).orElse(null);
		if (details.policeStationId() != null) {
			if (station == null || station.kind() != OrganisationKind.POLICE_STATION) {
				problems.add(Violation.of("policeStationId", "属地单位必须是派出所"));
				station = null;
			}
			else if (bureau != null
					&& !station.regionCode().startsWith(organisations.regionPrefix(bureau.regionCode()))) {
				problems.add(Violation.of("policeStationId", "派出所“" + station.name() + "”不在主管教育局的辖区内"));
			}
		}
		if (details.townshipId() != null) {
			Organisation township = organisations.find(details.townshipId()).orElse(null);
			if (township == null || township.kind() != OrganisationKind.TOWNSHIP) {
				problems.add(Violation.of("townshipId", "所属乡镇(街道)不存在"));
			}
			else if (station != null && !township.regionCode().equals(station.regionCode())) {
				problems.add(Violation.of("townshipId", "乡镇(街道)与派出所不在同一县(区)"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return regionCode;
	}

}
