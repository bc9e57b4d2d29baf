package cn.hxay.compliance;

import java.util.Map;
import java.util.function.Function;

import cn.hxay.posture.PostureFacts;
import cn.hxay.posture.SecurityPosture;

import static java.util.Map.entry;

/**
 * The posture facts a rule may name, with their Chinese labels. A rule naming any other
 * field is refused at load.
 */
final class PostureFields {

	record Field(String label, Function<SecurityPosture, Object> value) {
	}

	static final Map<String, Field> FIELDS = Map.ofEntries(
			entry("workingTeam", new Field(PostureFacts.label("workingTeam"), SecurityPosture::workingTeam)),
			entry("holidayDutyRoster",
					new Field(PostureFacts.label("holidayDutyRoster"), SecurityPosture::holidayDutyRoster)),
			entry("leaderOnDuty", new Field(PostureFacts.label("leaderOnDuty"), SecurityPosture::leaderOnDuty)),
			entry("gatekeeperRules",
					new Field(PostureFacts.label("gatekeeperRules"), SecurityPosture::gatekeeperRules)),
			entry("patrolRules", new Field(PostureFacts.label("patrolRules"), SecurityPosture::patrolRules)),
			entry("hazardCheckRules",
					new Field(PostureFacts.label("hazardCheckRules"), SecurityPosture::hazardCheckRules)),
			entry("visitorRegistration",
					new Field(PostureFacts.label("visitorRegistration"), SecurityPosture::visitorRegistration)),
			entry("securityDepartment",
					new Field(PostureFacts.label("securityDepartment"), SecurityPosture::securityDepartment)),
			entry("dormitoryManagers",
					new Field(PostureFacts.label("dormitoryManagers"), SecurityPosture::dormitoryManagers)),
			entry("closedManagement",
					new Field(PostureFacts.label("closedManagement"), SecurityPosture::closedManagement)),
			entry("gatehouseStaffed24h",
					new Field(PostureFacts.label("gatehouseStaffed24h"), SecurityPosture::gatehouseStaffed24h)),
			entry("perimeterHeightMetres",
					new Field(PostureFacts.label("perimeterHeightMetres"), SecurityPosture::perimeterHeightMetres)),
			entry("antiClimb", new Field(PostureFacts.label("antiClimb"), SecurityPosture::antiClimb)),
			entry("isolationFence", new Field(PostureFacts.label("isolationFence"), SecurityPosture::isolationFence)),
			entry("antiRamming", new Field(PostureFacts.label("antiRamming"), SecurityPosture::antiRamming)),
			entry("liftingBollards",
					new Field(PostureFacts.label("liftingBollards"), SecurityPosture::liftingBollards)),
			entry("perimeterIntrusionAlarm",
					new Field(PostureFacts.label("perimeterIntrusionAlarm"), SecurityPosture::perimeterIntrusionAlarm)),
			entry("keyAreaIntrusionAlarm",
					new Field(PostureFacts.label("keyAreaIntrusionAlarm"), SecurityPosture::keyAreaIntrusionAlarm)),
			entry("oneKeyAlarmAtGate",
					new Field(PostureFacts.label("oneKeyAlarmAtGate"), SecurityPosture::oneKeyAlarmAtGate)),
			entry("oneKeyAlarmInDormitory",
					new Field(PostureFacts.label("oneKeyAlarmInDormitory"), SecurityPosture::oneKeyAlarmInDormitory)),
			entry("oneKeyAlarmNetworked",
					new Field(PostureFacts.label("oneKeyAlarmNetworked"), SecurityPosture::oneKeyAlarmNetworked)),
			entry("cameras", new Field(PostureFacts.label("cameras"), SecurityPosture::cameras)),
			entry("videoRetentionDays",
					new Field(PostureFacts.label("videoRetentionDays"), SecurityPosture::videoRetentionDays)),
			entry("videoNetworked", new Field(PostureFacts.label("videoNetworked"), SecurityPosture::videoNetworked)),
			entry("technicalSystemsWorking",
					new Field(PostureFacts.label("technicalSystemsWorking"), SecurityPosture::technicalSystemsWorking)),
			entry("electricalFireGovernance",
					new Field(PostureFacts.label("electricalFireGovernance"),
							SecurityPosture::electricalFireGovernance)),
			entry("hazardousChemicalsThreePrevention",
					new Field("危化品三防措施", SecurityPosture::hazardousChemicalsThreePrevention)));

	private PostureFields() {
	}

}
