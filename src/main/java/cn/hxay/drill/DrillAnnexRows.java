package cn.hxay.drill;

import java.time.LocalDate;
import java.util.List;

import cn.hxay.inspection.AnnexRecordSource;
import cn.hxay.organisation.DataScope;

import org.springframework.stereotype.Component;

/**
 * Annex 1's 六、安全教育与活动 from the records, for the inspection form: 假期学生安全教育情况, 团体活动次数 and
 * 总人数, and whether every activity had a responsible school leader ("/" without any
 * activity).
 */
@Component
class DrillAnnexRows implements AnnexRecordSource {

	private final Drills drills;

	DrillAnnexRows(Drills drills) {
		this.drills = drills;
	}

	@Override
	public List<RecordAnswer> answers(DataScope scope, long schoolId, LocalDate from, LocalDate to) {
		AnnexFigures f = drills.annexFigures(scope, from, to)
			.stream()
			.filter(r -> r.schoolId() == schoolId)
			.findFirst()
			.orElse(new AnnexFigures(schoolId, null, null, 0, 0, 0, 0, 0, null));
		String source = "来自安全教育与团体活动记录（" + from + " 至 " + to + "）";
		return List.of(new RecordAnswer("holidayEducation", f.educationText(), source),
				new RecordAnswer("groupActivities", String.valueOf(f.activities()), source),
				new RecordAnswer("groupParticipants", String.valueOf(f.people()), source),
				new RecordAnswer("groupLedBySchoolLeader",
						f.ledBySchoolLeader() == null ? "/" : f.ledBySchoolLeader().toString(), source));
	}

}
