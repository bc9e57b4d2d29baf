package cn.hxay.school;

import java.util.List;

import cn.hxay.identity.AccountCandidates;
import cn.hxay.identity.Role;
import cn.hxay.organisation.Organisations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The school registry as a source of accounts opened in bulk: one safety lead (学校安全负责人)
 * per school, signing in with the school's 10-digit code, named and reached as the
 * registry records the school's safety lead.
 */
@Component
class SchoolLeadAccounts implements AccountCandidates {

	private final JdbcClient jdbc;

	private final Organisations organisations;

	SchoolLeadAccounts(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	@Override
	public String label() {
		return "学校名录：每校一名学校安全负责人（用户名为学校标识码）";
	}

	@Override
	public List<Candidate> candidates(String regionCode) {
		String prefix = organisations.regionPrefix(regionCode);
		return jdbc.sql("""
				select code, name, organisation_id, safety_lead_name, safety_lead_phone from school
				where region_code like ? order by region_code, code""").param(prefix + "%").query((rs, row) -> {
			String lead = rs.getString("safety_lead_name");
			String phone = rs.getString("safety_lead_phone");
			return new Candidate(rs.getString("code"),
					lead == null || lead.isBlank() || lead.length() > 50 ? "安全负责人" : lead.strip(),
					rs.getLong("organisation_id"), Role.SCHOOL_SAFETY_LEAD,
					phone != null && phone.matches("[0-9+\\- ]{5,20}") ? phone : null, rs.getString("name"));
		}).list();
	}

}
