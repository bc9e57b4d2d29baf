package cn.hxay.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection module's day is Beijing's day by the platform clock, also on a server
 * whose own zone is UTC: at 00:30 in Beijing (16:30 UTC the day before) the campaign is
 * already in the next phase and yesterday's due forms are missed.
 */
class PlatformDayTests {

	private TimeZone serverZone;

	@BeforeEach
	void serverOnUtc() {
		serverZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
	}

	@AfterEach
	void restore() {
		TimeZone.setDefault(serverZone);
	}

	@Test
	void atHalfPastMidnightInBeijingTheNextPhaseAndTheMissedFormsAreShown() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-30T16:30:00Z"), ZoneOffset.UTC);
		Inspections inspections = new Inspections(null, null, null, null, null, null, null, null, clock, null, null,
				null);
		assertThat(inspections.today()).isEqualTo(LocalDate.of(2026, 12, 1));

		Campaign campaign = new Campaign(1, "大检查", "市教育局", 1, "320400", List.of(), InspectionStateMachineTests.ANNEX1,
				List.of(new Phase("自查自纠", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)),
						new Phase("检查验收", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))),
				LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null, "市教育局", 1, Instant.EPOCH);
		assertThat(campaign.phaseOn(inspections.today())).map(Phase::name).contains("检查验收");

		Inspection dueYesterday = new Inspection(1, 1, 1, "测试学校", "320402", null, LocalDate.of(2026, 11, 30),
				InspectionState.DRAFT, Map.of(), Map.of(), null, null, null, null, null, null, null, null, null, false,
				null, null, null, 0);
		assertThat(inspections.missed(dueYesterday)).isTrue();

		Clock beforeMidnight = Clock.fixed(Instant.parse("2026-11-30T15:30:00Z"), ZoneOffset.UTC);
		Inspections earlier = new Inspections(null, null, null, null, null, null, null, null, beforeMidnight, null,
				null, null);
		assertThat(earlier.today()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(earlier.missed(dueYesterday)).isFalse();
	}

}
