package cn.hxay.compliance;

import java.util.List;

import cn.hxay.organisation.DataScope;
import cn.hxay.school.SchoolStatusSource;

import org.springframework.stereotype.Component;

/**
 * The school page's 不合格要求: the number of requirements the school fails now, read from the
 * same evaluation as its compliance page's 不合格 badge.
 */
@Component
class ComplianceSchoolStatus implements SchoolStatusSource {

	private final Compliance compliance;

	ComplianceSchoolStatus(Compliance compliance) {
		this.compliance = compliance;
	}

	@Override
	public List<Figure> figures(long schoolId, DataScope scope) {
		long failing = compliance.findings(scope, schoolId)
			.stream()
			.filter(f -> f.status() == ComplianceStatus.NON_COMPLIANT)
			.count();
		return List.of(Figure.count("compliance", 10, "不合格要求", failing, "项", "/schools/" + schoolId + "/compliance"));
	}

}
