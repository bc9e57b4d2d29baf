package cn.hxay.inspection;

import java.time.LocalDate;
import java.util.List;

import cn.hxay.school.SchoolKind;

/**
 * What an officer fills in to launch a campaign.
 *
 * @param regionCode the region (the officer's own, or a county under it) whose schools in
 * the officer's scope are covered
 * @param schoolKinds the kinds of school covered; empty for all
 */
public record NewCampaign(String title, String issuers, String regionCode, List<SchoolKind> schoolKinds,
		String templateCode, List<Phase> phases, LocalDate selfCheckFrom, LocalDate selfCheckDue, String reporting) {

	public NewCampaign {
		schoolKinds = schoolKinds == null ? List.of() : List.copyOf(schoolKinds);
		phases = phases == null ? List.of() : List.copyOf(phases);
	}

}
