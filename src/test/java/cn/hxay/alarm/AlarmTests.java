package cn.hxay.alarm;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The alarm's state machine without Spring: every legal move from every state, every
 * illegal one refused with a Chinese message.
 */
class AlarmTests {

	static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

	static Alarm in(AlarmState state) {
		return new Alarm(1, "e-1", 2, "32040200011340000001", DeviceKind.ONE_KEY_ALARM, "门卫室", 3, "3204020001", "一中", 4,
				5L, 6L, 7L, "320402", AlarmType.ONE_KEY, "one_key", 1, true, "MQTT", T0, T0, null, null, null, "{}",
				state, null, null, null, null, null, null, null, null, null, null, null, null, 0, null, 3,
				DeviceOwner.SCHOOL, null, null, null);
	}

	/** Each action and the move it makes. */
	static final Map<AlarmAction, BiFunction<Alarm, Instant, Alarm>> MOVES = Map.of(AlarmAction.ACKNOWLEDGE,
			(a, at) -> a.acknowledge("甲 (a)", at), AlarmAction.DISPATCH, (a, at) -> a.dispatch("甲 (a)", at, 6, "张警官"),
			AlarmAction.ARRIVE, (a, at) -> a.arrive("甲 (a)", at), AlarmAction.CLOSE,
			(a, at) -> a.close("甲 (a)", at, AlarmOutcome.FALSE_ALARM, "误触"));

	static final Map<AlarmAction, Set<AlarmState>> LEGAL = Map.of(AlarmAction.ACKNOWLEDGE, EnumSet.of(AlarmState.NEW),
			AlarmAction.DISPATCH, EnumSet.of(AlarmState.ACKNOWLEDGED), AlarmAction.ARRIVE,
			EnumSet.of(AlarmState.DISPATCHED), AlarmAction.CLOSE,
			EnumSet.of(AlarmState.ACKNOWLEDGED, AlarmState.DISPATCHED, AlarmState.ARRIVED));

	@Test
	void everyMoveIsAllowedExactlyFromItsStatesAndRefusedInChineseFromTheOthers() {
		int legal = 0;
		int illegal = 0;
		for (AlarmAction action : AlarmAction.values()) {
			for (AlarmState state : AlarmState.values()) {
				Alarm alarm = in(state);
				if (LEGAL.get(action).contains(state)) {
					Alarm moved = MOVES.get(action).apply(alarm, T0.plusSeconds(60));
					assertThat(moved.state()).isEqualTo(action.after());
					assertThat(moved.version()).as("saved only if nobody moved it first").isEqualTo(alarm.version());
					legal++;
				}
				else {
					assertThatThrownBy(() -> MOVES.get(action).apply(alarm, T0.plusSeconds(60)))
						.isInstanceOf(InvalidInputException.class)
						.hasMessageContaining("该报警当前为“" + state.label() + "”，不能" + action.label());
					illegal++;
				}
			}
		}
		assertThat(legal).isEqualTo(6);
		assertThat(illegal).isEqualTo(18);
	}

	@Test
	void theWholeWorkflowRecordsWhoAndWhen() {
		Alarm closed = in(AlarmState.NEW).acknowledge("甲 (a)", T0.plusSeconds(10))
			.dispatch("乙 (b)", T0.plusSeconds(20), 6, " 张警官、李警官 ")
			.arrive("丙 (c)", T0.plusSeconds(300))
			.close("丁 (d)", T0.plusSeconds(900), AlarmOutcome.REAL, " 已处置 ");
		assertThat(closed.state()).isEqualTo(AlarmState.CLOSED);
		assertThat(closed.acknowledgedBy()).isEqualTo("甲 (a)");
		assertThat(closed.acknowledgedAt()).isEqualTo(T0.plusSeconds(10));
		assertThat(closed.dispatchedBy()).isEqualTo("乙 (b)");
		assertThat(closed.dispatchStationId()).isEqualTo(6L);
		assertThat(closed.officers()).isEqualTo("张警官、李警官");
		assertThat(closed.arrivedAt()).isEqualTo(T0.plusSeconds(300));
		assertThat(closed.closedBy()).isEqualTo("丁 (d)");
		assertThat(closed.outcome()).isEqualTo(AlarmOutcome.REAL);
		assertThat(closed.closingNote()).isEqualTo("已处置");
		assertThat(closed.waited(T0.plusSeconds(5000)).toSeconds()).isEqualTo(10);
	}

	@Test
	void closingStraightAfterAcknowledgingIsAllowedButNeedsAnOutcome() {
		Alarm acknowledged = in(AlarmState.ACKNOWLEDGED);
		assertThatThrownBy(() -> acknowledged.close("甲 (a)", T0, null, null)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("请选择处置结果");
		assertThatThrownBy(() -> acknowledged.close("甲 (a)", T0, AlarmOutcome.TEST, "长".repeat(501)))
			.hasMessageContaining("处置说明不超过 500 字");
		assertThat(acknowledged.close("甲 (a)", T0, AlarmOutcome.TEST, "  ").closingNote()).isNull();
	}

	@Test
	void dispatchNeedsOfficers() {
		Alarm acknowledged = in(AlarmState.ACKNOWLEDGED);
		assertThatThrownBy(() -> acknowledged.dispatch("甲 (a)", T0, 6, " ")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("请填写出警民警");
		assertThatThrownBy(() -> acknowledged.dispatch("甲 (a)", T0, 6, "民".repeat(201)))
			.hasMessageContaining("请填写出警民警");
	}

	@Test
	void logOnlySignalsAreNeverWorked() {
		for (AlarmAction action : AlarmAction.values()) {
			assertThatThrownBy(() -> MOVES.get(action).apply(in(AlarmState.LOGGED), T0)).hasMessageContaining("仅记录");
		}
	}

	@Test
	void theWaitStopsWhenTheAlarmIsAcknowledgedOrNoLongerOpen() {
		assertThat(in(AlarmState.NEW).waited(T0.plusSeconds(30)).toSeconds()).isEqualTo(30);
		assertThat(in(AlarmState.LOGGED).waited(T0.plusSeconds(3000)).toSeconds()).isZero();
		Alarm acknowledged = in(AlarmState.NEW).acknowledge("民警", T0.plusSeconds(12));
		assertThat(acknowledged.waited(T0.plusSeconds(9000)).toSeconds()).isEqualTo(12);
	}

	@Test
	void theAlarmCodeIsShownByItsChineseName() {
		assertThat(in(AlarmState.NEW).codeLabel()).isEqualTo("一键报警");
	}

	@Test
	void aVenuesOneKeyAlarmIsSeenByItsStationAloneAndNamedWithTheSchoolItProtects() {
		Alarm school = in(AlarmState.NEW);
		Alarm venue = new Alarm(1, "e-1", 2, "32040200011340000001", DeviceKind.ONE_KEY_ALARM, "收银台", 3, "3204020001",
				"一中", 4, 5L, 60L, 7L, "320402", AlarmType.ONE_KEY, "one_key", 1, true, "MQTT", T0, T0, null, null, null,
				"{}", AlarmState.NEW, null, null, null, null, null, null, null, null, null, null, null, null, 0, null,
				3, DeviceOwner.VENUE, 9L, "学友文具店", "青龙路 1 号");
		DataScope schoolsOwn = DataScope.of(Set.of(4L, 5L), false);
		DataScope station = DataScope.of(Set.of(60L), true);
		assertThat(school.inScopeOf(schoolsOwn)).isTrue();
		assertThat(venue.inScopeOf(schoolsOwn)).as("the school and its bureau do not see a venue's alarm").isFalse();
		assertThat(venue.inScopeOf(station)).isTrue();
		assertThat(venue.inScopeOf(DataScope.everything(true))).isTrue();
		assertThat(venue.siteName()).isEqualTo("学友文具店（周边一键报警，护 一中）");
		assertThat(school.siteName()).isEqualTo("一中");
	}

}
