package cn.hxay.keyperson;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.hxay.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key person's guarded moves, ID-number and distance rules, without Spring.
 */
class KeyPersonRulesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	private static final Category MENTAL = new Category("MENTAL_DISORDER", "易肇事肇祸精神障碍患者", 30, 14, 7, "种子000");

	private static KeyPerson person(RiskLevel risk) {
		return new KeyPerson(1, "张三", "3204**********1234", null, "青龙街道 1 号", new BigDecimal("119.99"),
				new BigDecimal("31.78"), 10, "李警官", risk, MENTAL.code(), ControlStatus.UNDER_CONTROL, null, null,
				TODAY.minusDays(20), null, null, TODAY.minusDays(20).plusDays(MENTAL.daysFor(risk)), "李警官",
				Instant.EPOCH, 0);
	}

	@Test
	void downgradeLowersTheRiskAndTheVisitFrequency() {
		KeyPerson p = person(RiskLevel.HIGH);
		p.downgrade("近三月情绪稳定，按时服药", TODAY.plusDays(30), TODAY, MENTAL);
		assertThat(p.risk()).isEqualTo(RiskLevel.MEDIUM);
		assertThat(p.nextVisitDue()).isEqualTo(TODAY.minusDays(20).plusDays(14));
		assertThat(p.statusReason()).isEqualTo("近三月情绪稳定，按时服药");
		assertThat(p.reviewDate()).isEqualTo(TODAY.plusDays(30));
		assertThat(p.takeEvents()).containsExactly(new KeyPersonRiskChanged(1, 10, RiskLevel.HIGH, RiskLevel.MEDIUM));
		p.downgrade("继续稳定，家属监护到位", TODAY.plusDays(60), TODAY, MENTAL);
		assertThat(p.risk()).isEqualTo(RiskLevel.LOW);
		assertThatThrownBy(() -> p.downgrade("再降一级试试", TODAY.plusDays(60), TODAY, MENTAL))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("不能再降级");
	}

	@Test
	void releaseEndsVisitsAndOnlyIncludeBringsThePersonBack() {
		KeyPerson p = person(RiskLevel.MEDIUM);
		p.release("矫正期满，评估无现实危害", TODAY.plusDays(90), TODAY);
		assertThat(p.status()).isEqualTo(ControlStatus.RELEASED);
		assertThat(p.nextVisitDue()).isNull();
		assertThat(p.visitOverdue(TODAY.plusYears(1))).isFalse();
		assertThat(p.takeEvents()).containsExactly(new KeyPersonReleased(1, 10));
		assertThatThrownBy(() -> p.release("再次撤销管控", TODAY.plusDays(90), TODAY)).hasMessageContaining("已撤销管控");
		assertThatThrownBy(() -> p.downgrade("撤销后降级", TODAY.plusDays(9), TODAY, MENTAL))
			.hasMessageContaining("已撤销管控的人员不能降级");
		assertThatThrownBy(() -> p.recordVisit(TODAY, TODAY, MENTAL)).hasMessageContaining("不再安排走访");

		p.include(RiskLevel.HIGH, "扬言到学校报复，重新纳入", TODAY.plusDays(7), TODAY, MENTAL);
		assertThat(p.status()).isEqualTo(ControlStatus.UNDER_CONTROL);
		assertThat(p.risk()).isEqualTo(RiskLevel.HIGH);
		assertThat(p.controlledSince()).isEqualTo(TODAY);
		assertThat(p.nextVisitDue()).isEqualTo(TODAY.plusDays(7));
		assertThat(p.takeEvents()).containsExactly(new KeyPersonIncluded(1, 10, RiskLevel.HIGH));
		assertThatThrownBy(() -> p.include(RiskLevel.LOW, "已在管控中再纳入", TODAY, TODAY, MENTAL))
			.hasMessageContaining("已在管控中");
	}

	@Test
	void everyMoveNeedsAReasonAndAReviewDateNotInThePast() {
		KeyPerson p = person(RiskLevel.HIGH);
		assertThatThrownBy(() -> p.downgrade("短", TODAY, TODAY, MENTAL)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).byField()).containsKey("reason"));
		assertThatThrownBy(() -> p.release("矫正期满无危害", TODAY.minusDays(1), TODAY)).satisfies(
				ex -> assertThat(((InvalidInputException) ex).byField()).containsEntry("reviewDate", "复核日期不能早于今天"));
		assertThatThrownBy(() -> p.downgrade("情绪稳定服药规律", null, TODAY, MENTAL))
			.satisfies(ex -> assertThat(((InvalidInputException) ex).byField()).containsEntry("reviewDate", "请填写复核日期"));
		assertThat(p.risk()).isEqualTo(RiskLevel.HIGH);
		assertThat(p.status()).isEqualTo(ControlStatus.UNDER_CONTROL);
		assertThat(p.takeEvents()).isEmpty();
	}

	@Test
	void aVisitMovesTheDueDateAndOverdueFollowsTheClock() {
		KeyPerson p = person(RiskLevel.HIGH);
		LocalDate due = p.nextVisitDue();
		assertThat(p.visitOverdue(due)).isFalse();
		assertThat(p.visitOverdue(due.plusDays(1))).isTrue();
		assertThatThrownBy(() -> p.recordVisit(TODAY.plusDays(1), TODAY, MENTAL)).hasMessageContaining("不能晚于今天");
		p.recordVisit(TODAY.minusDays(2), TODAY, MENTAL);
		assertThat(p.lastVisitDate()).isEqualTo(TODAY.minusDays(2));
		assertThat(p.nextVisitDue()).isEqualTo(TODAY.plusDays(5));
		// an older visit entered late does not move the date back
		p.recordVisit(TODAY.minusDays(10), TODAY, MENTAL);
		assertThat(p.nextVisitDue()).isEqualTo(TODAY.plusDays(5));
	}

	@Test
	void aTransferChangesTheStationAndIsRefusedToTheSameOne() {
		KeyPerson p = person(RiskLevel.LOW);
		assertThatThrownBy(() -> p.transferTo(10, "新址", null, null, "王警官")).hasMessageContaining("无需移交");
		p.transferTo(11, "红梅街道 8 号", new BigDecimal("119.98"), new BigDecimal("31.79"), "王警官");
		assertThat(p.stationId()).isEqualTo(11);
		assertThat(p.address()).isEqualTo("红梅街道 8 号");
		assertThat(p.takeEvents()).containsExactly(new KeyPersonTransferred(1, 10, 11));
	}

	@Test
	void idNumbersAreCheckedAndMasked() {
		// the example of GB 11643-1999
		assertThat(PersonalNumbers.idNumberProblem("11010519491231002X")).isNull();
		assertThat(PersonalNumbers.idNumberProblem("110105194912310021")).contains("校验位");
		assertThat(PersonalNumbers.idNumberProblem("1101051949")).contains("18 位");
		assertThat(PersonalNumbers.normaliseIdNumber(" 11010519491231002x ")).isEqualTo("11010519491231002X");
		assertThat(PersonalNumbers.maskIdNumber("320402198001011234")).isEqualTo("3204**********1234");
		assertThat(PersonalNumbers.maskPhone("13812345678")).isEqualTo("138****5678");
		assertThat(PersonalNumbers.phoneProblem("13812345678")).isNull();
		assertThat(PersonalNumbers.phoneProblem("1381234")).isNotNull();
	}

	@Test
	void distancesAreHaversineInWholeMetresWithTheRadiusIncluded() {
		// one degree of latitude on the mean-radius sphere: 111,194.9 m
		assertThat(Distance.metres(31.0, 119.9, 32.0, 119.9)).isCloseTo(111_194.93,
				org.assertj.core.data.Offset.offset(0.01));
		// 常州 (119.974, 31.811) to 南京新街口 (118.784, 32.041): about 115 km
		assertThat(Distance.metres(31.811, 119.974, 32.041, 118.784) / 1000).isBetween(114.0, 116.0);
		double lat = 31.781234;
		double lon = 119.981234;
		for (int d : new int[] { 499, 500, 501 }) {
			// d metres due north, rounded to six decimals as the database keeps it
			double north = Math.round((lat + Math.toDegrees(d / Distance.EARTH_RADIUS_METRES)) * 1e6) / 1e6;
			int measured = Distance.wholeMetres(lat, lon, north, lon);
			assertThat(measured).isEqualTo(d);
			assertThat(Distance.within(measured, 500)).isEqualTo(d <= 500);
		}
		// east-west at this latitude too
		double east = lon + Math.toDegrees(500 / (Distance.EARTH_RADIUS_METRES * Math.cos(Math.toRadians(lat))));
		assertThat(Distance.wholeMetres(lat, lon, lat, east)).isEqualTo(500);
	}

}
