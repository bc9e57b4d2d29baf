package cn.hxay.posture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The facts of a school's security set-up at one point in time. A {@code null} means "not
 * reported", which rules treat as missing data and never as compliant. Counts of
 * certified and over-age guards are derived from the guard list, never typed in.
 */
public record SecurityPosture(
		// 人防: organisation and rules
		Boolean workingTeam, String workingTeamLead, Boolean holidayDutyRoster, Boolean leaderOnDuty,
		Boolean gatekeeperRules, Boolean patrolRules, Boolean hazardCheckRules, Boolean visitorRegistration,
		Boolean securityDepartment, List<Guard> guards, Integer dormitoryManagers, Map<Equipment, Integer> equipment,
		// 物防
		Boolean closedManagement, Boolean gatehouseStaffed24h, PerimeterType perimeterType,
		BigDecimal perimeterHeightMetres, Boolean antiClimb, Boolean isolationFence, Boolean antiRamming,
		Boolean liftingBollards,
		// 技防
		Boolean perimeterIntrusionAlarm, Boolean keyAreaIntrusionAlarm, Boolean oneKeyAlarmAtGate,
		Boolean oneKeyAlarmInDormitory, Boolean oneKeyAlarmNetworked, Integer cameras, Integer videoRetentionDays,
		Boolean videoNetworked, Boolean technicalSystemsWorking,
		// 消防与危化品
		Boolean electricalFireGovernance, Boolean hazardousChemicalsThreePrevention,
		// 人防, added later (seed 002 二(三)2: 城镇学校配备专职保卫干部)
		Boolean fullTimeSecurityCadre,
		// 幼儿园门禁或接送卡逐人查验 (seed 003: 桂政办发〔2018〕113号 二(二)1), set from the pick-up card
		// records
		Boolean pickUpCards) {

	public SecurityPosture {
		// null guards: not reported (missing data); an empty list: reported, none posted
		guards = guards == null ? null : List.copyOf(guards);
		equipment = equipment == null ? Map.of() : Map.copyOf(equipment);
	}

	/** The facts without the pick-up cards (not reported). */
	public SecurityPosture(Boolean workingTeam, String workingTeamLead, Boolean holidayDutyRoster, Boolean leaderOnDuty,
			Boolean gatekeeperRules, Boolean patrolRules, Boolean hazardCheckRules, Boolean visitorRegistration,
			Boolean securityDepartment, List<Guard> guards, Integer dormitoryManagers,
			Map<Equipment, Integer> equipment, Boolean closedManagement, Boolean gatehouseStaffed24h,
			PerimeterType perimeterType, BigDecimal perimeterHeightMetres, Boolean antiClimb, Boolean isolationFence,
			Boolean antiRamming, Boolean liftingBollards, Boolean perimeterIntrusionAlarm,
			Boolean keyAreaIntrusionAlarm, Boolean oneKeyAlarmAtGate, Boolean oneKeyAlarmInDormitory,
			Boolean oneKeyAlarmNetworked, Integer cameras, Integer videoRetentionDays, Boolean videoNetworked,
			Boolean technicalSystemsWorking, Boolean electricalFireGovernance,
			Boolean hazardousChemicalsThreePrevention, Boolean fullTimeSecurityCadre) {
		this(workingTeam, workingTeamLead, holidayDutyRoster, leaderOnDuty, gatekeeperRules, patrolRules,
				hazardCheckRules, visitorRegistration, securityDepartment, guards, dormitoryManagers, equipment,
				closedManagement, gatehouseStaffed24h, perimeterType, perimeterHeightMetres, antiClimb, isolationFence,
				antiRamming, liftingBollards, perimeterIntrusionAlarm, keyAreaIntrusionAlarm, oneKeyAlarmAtGate,
				oneKeyAlarmInDormitory, oneKeyAlarmNetworked, cameras, videoRetentionDays, videoNetworked,
				technicalSystemsWorking, electricalFireGovernance, hazardousChemicalsThreePrevention,
				fullTimeSecurityCadre, null);
	}

	/** The facts as first listed, without the security cadre (not reported). */
	public SecurityPosture(Boolean workingTeam, String workingTeamLead, Boolean holidayDutyRoster, Boolean leaderOnDuty,
			Boolean gatekeeperRules, Boolean patrolRules, Boolean hazardCheckRules, Boolean visitorRegistration,
			Boolean securityDepartment, List<Guard> guards, Integer dormitoryManagers,
			Map<Equipment, Integer> equipment, Boolean closedManagement, Boolean gatehouseStaffed24h,
			PerimeterType perimeterType, BigDecimal perimeterHeightMetres, Boolean antiClimb, Boolean isolationFence,
			Boolean antiRamming, Boolean liftingBollards, Boolean perimeterIntrusionAlarm,
			Boolean keyAreaIntrusionAlarm, Boolean oneKeyAlarmAtGate, Boolean oneKeyAlarmInDormitory,
			Boolean oneKeyAlarmNetworked, Integer cameras, Integer videoRetentionDays, Boolean videoNetworked,
			Boolean technicalSystemsWorking, Boolean electricalFireGovernance,
			Boolean hazardousChemicalsThreePrevention) {
		this(workingTeam, workingTeamLead, holidayDutyRoster, leaderOnDuty, gatekeeperRules, patrolRules,
				hazardCheckRules, visitorRegistration, securityDepartment, guards, dormitoryManagers, equipment,
				closedManagement, gatehouseStaffed24h, perimeterType, perimeterHeightMetres, antiClimb, isolationFence,
				antiRamming, liftingBollards, perimeterIntrusionAlarm, keyAreaIntrusionAlarm, oneKeyAlarmAtGate,
				oneKeyAlarmInDormitory, oneKeyAlarmNetworked, cameras, videoRetentionDays, videoNetworked,
				technicalSystemsWorking, electricalFireGovernance, hazardousChemicalsThreePrevention, null);
	}

	/** A posture nobody has reported yet: everything unknown. */
	public static SecurityPosture unreported() {
		return new SecurityPosture(null, null, null, null, null, null, null, null, null, null, null, Map.of(), null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null);
	}

	/** A copy with another guard list ({@code null}: not reported). */
	SecurityPosture withGuards(List<Guard> list) {
		return new SecurityPosture(workingTeam, workingTeamLead, holidayDutyRoster, leaderOnDuty, gatekeeperRules,
				patrolRules, hazardCheckRules, visitorRegistration, securityDepartment, list, dormitoryManagers,
				equipment, closedManagement, gatehouseStaffed24h, perimeterType, perimeterHeightMetres, antiClimb,
				isolationFence, antiRamming, liftingBollards, perimeterIntrusionAlarm, keyAreaIntrusionAlarm,
				oneKeyAlarmAtGate, oneKeyAlarmInDormitory, oneKeyAlarmNetworked, cameras, videoRetentionDays,
				videoNetworked, technicalSystemsWorking, electricalFireGovernance, hazardousChemicalsThreePrevention,
				fullTimeSecurityCadre, pickUpCards);
	}

	/**
	 * A copy with the named facts replaced; values are {@code "true"}/{@code "false"},
	 * decimal digits or text. Names outside {@link PostureFacts#AMENDABLE} and
	 * unparseable values are refused.
	 */
	SecurityPosture amended(Map<String, String> facts) {
		java.lang.reflect.RecordComponent[] components = SecurityPosture.class.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		try {
			for (int i = 0; i < components.length; i++) {
				java.lang.reflect.RecordComponent c = components[i];
				types[i] = c.getType();
				values[i] = c.getAccessor().invoke(this);
				if (!facts.containsKey(c.getName())) {
					continue;
				}
				if (!PostureFacts.AMENDABLE.contains(c.getName())) {
					throw new IllegalArgumentException(c.getName() + " cannot be amended");
				}
				String v = facts.get(c.getName());
				values[i] = v == null || v.isBlank() ? null
						: c.getType() == Boolean.class ? Boolean.valueOf(v)
								: c.getType() == Integer.class
										? Integer.valueOf(new BigDecimal(v.strip()).intValueExact())
										: c.getType() == BigDecimal.class ? new BigDecimal(v.strip()) : v.strip();
			}
			return SecurityPosture.class.getDeclaredConstructor(types).newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public boolean guardsReported() {
		return guards != null;
	}

	public List<Guard> guardList() {
		return guards == null ? List.of() : guards;
	}

	public int guardCount() {
		return guardList().size();
	}

	public long fullTimeGuards() {
		return guardList().stream().filter(Guard::fullTime).count();
	}

	public long certifiedGuards() {
		return guardList().stream().filter(Guard::certified).count();
	}

	public long guardsOlderThan(int age, LocalDate on) {
		return guardList().stream().filter(g -> g.ageOn(on) != null && g.ageOn(on) > age).count();
	}

	public int equipmentCount(Equipment kind) {
		return equipment.getOrDefault(kind, 0);
	}

}
