package cn.hxay.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.inspection.Campaign;
import cn.hxay.inspection.Inspection;
import cn.hxay.inspection.Inspections;
import cn.hxay.inspection.NewCampaign;
import cn.hxay.inspection.Phase;
import cn.hxay.organisation.DataScope;
import cn.hxay.posture.Postures;
import cn.hxay.posture.SecurityPosture;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;

/**
 * A city-wide campaign under way, so the dashboard, the review pages and the ledger have
 * something to show: in two districts most schools have filled in their Annex 1 from
 * their recorded posture, their police stations co-signed, and the district accepted some
 * (failing items become hazards) and returned a few.
 */
final class DemoInspections {

	static final List<String> ACTIVE_DISTRICTS = List.of("320402", "320404");

	private final Inspections inspections;

	private final Postures postures;

	private final SchoolRegistry schools;

	private final Random random;

	/** The platform's today (Beijing) for this run, e.g. for the guards' ages. */
	private LocalDate today;

	DemoInspections(Inspections inspections, Postures postures, SchoolRegistry schools, long seed) {
		this.inspections = inspections;
		this.postures = postures;
		this.schools = schools;
		this.random = new Random(seed);
	}

	int run(CurrentUser admin, LocalDate today) {
		this.today = today;
		DataScope everything = DataScope.everything(true);
		Campaign campaign = inspections.launch(admin, everything,
				new NewCampaign(today.getYear() + "年秋季学校及周边安全排查整改", "常州市公安局、常州市教育局", DemoCity.CITY, List.of(),
						"changzhou-2019-annex1",
						List.of(new Phase("组织部署", today.minusDays(21), today.minusDays(15)),
								new Phase("自查自纠", today.minusDays(14), today.plusDays(16)),
								new Phase("检查验收", today.plusDays(17), today.plusDays(45)),
								new Phase("回头看", today.plusDays(46), today.plusDays(75))),
						today.minusDays(14), today.plusDays(16), "各辖市区于每月3日前报送进展，统计数据截至上月底"));
		int worked = 0;
		for (String district : ACTIVE_DISTRICTS) {
			Paged<Inspection> page = inspections.inspections(everything, campaign.id(), district, null, null,
					new PageRequest(0, PageRequest.MAX_SIZE));
			for (Inspection inspection : page.items()) {
				double r = random.nextDouble();
				if (r < 0.75) {
					work(inspection, r);
					worked++;
				}
			}
		}
		return worked;
	}

	private void work(Inspection inspection, double r) {
		DataScope everything = DataScope.everything(true);
		School school = schools.get(everything, inspection.schoolId());
		CurrentUser lead = new CurrentUser(0, "demo", school.name() + "安全负责人", school.organisationId(),
				Set.of(Role.SCHOOL_SAFETY_LEAD));
		Inspection i = inspections.saveDraft(lead, DataScope.everything(false), inspection.id(), inspection.version(),
				answers(postures.current(school.id())), school.details().headmasterName());
		if (r >= 0.6 || school.details().policeStationId() == null) {
			return;
		}
		CurrentUser officer = new CurrentUser(0, "demo", "社区民警", school.details().policeStationId(),
				Set.of(Role.STATION_OFFICER));
		i = inspections.cosign(officer, everything, i.id(), i.version(), Map.of(), null, true);
		try {
			i = inspections.submit(lead, everything, i.id(), i.version(), null, null);
		}
		catch (InvalidInputException incomplete) {
			// the school's posture leaves required items open: it stays a draft
			return;
		}
		CurrentUser county = new CurrentUser(0, "demo", "区教育局安全科", school.details().educationBureauId(),
				Set.of(Role.COUNTY_EDUCATION_ADMIN));
		if (r < 0.3) {
			inspections.accept(county, DataScope.everything(false), i.id(), i.version(), "资料齐全，同意验收", r < 0.1);
		}
		else if (r < 0.35) {
			inspections.returnForRework(county, everything, i.id(), i.version(), "请补充视频监控保存天数的佐证照片");
		}
	}

	/** Annex 1 answers as the school would give them from its recorded posture. */
	private Map<String, String> answers(SecurityPosture p) {
		Map<String, String> a = new HashMap<>();
		yes(a, "workingTeam", p.workingTeam());
		if (p.workingTeamLead() != null) {
			a.put("workingTeamLead", p.workingTeamLead());
		}
		yes(a, "holidayDutyRoster", p.holidayDutyRoster());
		yes(a, "leaderOnDuty", p.leaderOnDuty());
		yes(a, "rulesInPlace", p.gatekeeperRules() == null ? null : p.gatekeeperRules()
				&& Boolean.TRUE.equals(p.patrolRules()) && Boolean.TRUE.equals(p.hazardCheckRules()));
		if (p.guardsReported()) {
			a.put("guards", Integer.toString(p.guardCount()));
			a.put("certifiedGuards", Long.toString(p.certifiedGuards()));
			a.put("overAgeGuards", Long.toString(p.guardsOlderThan(60, today)));
		}
		yes(a, "videoRetention30", p.videoRetentionDays() == null ? null : p.videoRetentionDays() >= 30);
		if (p.cameras() != null) {
			a.put("cameras", p.cameras().toString());
		}
		yes(a, "perimeterIntrusionAlarm", p.perimeterIntrusionAlarm());
		yes(a, "keyAreaIntrusionAlarm", p.keyAreaIntrusionAlarm());
		yes(a, "oneKeyAlarmAtGate", p.oneKeyAlarmAtGate());
		a.put("oneKeyAlarmInDormitory",
				p.oneKeyAlarmInDormitory() == null ? "/" : p.oneKeyAlarmInDormitory().toString());
		yes(a, "technicalSystemsWorking", p.technicalSystemsWorking());
		yes(a, "isolationFence", p.isolationFence());
		yes(a, "antiRamming", p.antiRamming());
		yes(a, "liftingBollards", p.liftingBollards());
		yes(a, "electricalFireGovernance", p.electricalFireGovernance());
		yes(a, "chemicalsThreePrevention", p.hazardousChemicalsThreePrevention());
		int found = random.nextInt(4);
		int fixed = found == 0 ? 0 : random.nextInt(found + 1);
		a.put("hazardsFound", Integer.toString(found));
		a.put("hazardsFixed", Integer.toString(fixed));
		a.put("hazardsOpen", Integer.toString(found - fixed));
		a.put("schoolBusHazards", "/");
		a.put("report", found == 0 ? "已按方案完成自查，未发现隐患。" : "已按方案完成自查，发现隐患 " + found + " 处，已整改 " + fixed + " 处，其余正在整改。");
		return a;
	}

	private static void yes(Map<String, String> answers, String key, Boolean value) {
		if (value != null) {
			answers.put(key, value.toString());
		}
	}

}
