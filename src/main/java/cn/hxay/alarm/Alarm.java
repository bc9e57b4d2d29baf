package cn.hxay.alarm;

import java.time.Duration;
import java.time.Instant;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.SchoolUnits;
import cn.hxay.shared.InvalidInputException;

/**
 * An alarm: the device and school it came from, what it is, when the device said it
 * happened and when the platform received it, its raw payload (without the device token),
 * and the console workflow so far. The workflow 接警 → 派警 → 到场 → 处置完毕 moves only through
 * the guarded methods here ({@link #acknowledge}, {@link #dispatch}, {@link #arrive},
 * {@link #close}), each of which refuses an illegal move with a Chinese message and
 * returns the alarm after the move (same version: the store saves it only if nobody moved
 * it first).
 */
public record Alarm(long id, String eventId, long deviceId, String deviceCode, DeviceKind deviceKind,
		String devicePlace, long schoolId, String schoolCode, String schoolName, long schoolOrgId, Long bureauId,
		Long stationId, Long townshipId, String regionCode, AlarmType type, String code, int priority,
		boolean actionable, String channel, Instant deviceTime, Instant receivedAt, String snapshotUrl, String clipUrl,
		String detail, String rawPayload, AlarmState state, Instant acknowledgedAt, String acknowledgedBy,
		Instant dispatchedAt, String dispatchedBy, Long dispatchStationId, String officers, Instant arrivedAt,
		String arrivedBy, Instant closedAt, String closedBy, AlarmOutcome outcome, String closingNote,
		int escalationLevel, Instant escalatedAt, int version, DeviceOwner owner, Long venueId, String venueName,
		String venueAddress) {

	/** The units of the alarm's school, for the data scope. */
	public SchoolUnits units() {
		return new SchoolUnits(schoolOrgId, bureauId, stationId, townshipId);
	}

	/** Whether the alarm is in the scope, by the same rule as its device's. */
	public boolean inScopeOf(DataScope scope) {
		return owner.inScope(scope, units(), stationId);
	}

	/**
	 * Where it was raised, as the console shows it: the school, or for a venue's one-key
	 * alarm the venue and the school it protects.
	 */
	public String siteName() {
		return owner == DeviceOwner.VENUE ? venueName + "（周边一键报警，护 " + schoolName + "）" : schoolName;
	}

	/** 接警. */
	public Alarm acknowledge(String actor, Instant at) {
		require(AlarmAction.ACKNOWLEDGE);
		return moved(AlarmState.ACKNOWLEDGED, at, actor, dispatchedAt, dispatchedBy, dispatchStationId, officers,
				arrivedAt, arrivedBy, closedAt, closedBy, outcome, closingNote);
	}

	/**
	 * 派警: a police station (already checked to be in the dispatcher's scope) and
	 * officers.
	 */
	public Alarm dispatch(String actor, Instant at, long stationId, String officerNames) {
		require(AlarmAction.DISPATCH);
		String names = officerNames == null ? "" : officerNames.strip();
		if (names.isEmpty() || names.length() > 200) {
			throw new InvalidInputException("officers", "请填写出警民警 (不超过 200 字)");
		}
		return moved(AlarmState.DISPATCHED, acknowledgedAt, acknowledgedBy, at, actor, stationId, names, arrivedAt,
				arrivedBy, closedAt, closedBy, outcome, closingNote);
	}

	/** 到场. */
	public Alarm arrive(String actor, Instant at) {
		require(AlarmAction.ARRIVE);
		return moved(AlarmState.ARRIVED, acknowledgedAt, acknowledgedBy, dispatchedAt, dispatchedBy, dispatchStationId,
				officers, at, actor, closedAt, closedBy, outcome, closingNote);
	}

	/** 处置完毕 with an outcome and an optional note (at most 500 characters). */
	public Alarm close(String actor, Instant at, AlarmOutcome result, String note) {
		require(AlarmAction.CLOSE);
		if (result == null) {
			throw new InvalidInputException("outcome", "请选择处置结果：真实警情、误报、测试或故障");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 500) {
			throw new InvalidInputException("note", "处置说明不超过 500 字");
		}
		return moved(AlarmState.CLOSED, acknowledgedAt, acknowledgedBy, dispatchedAt, dispatchedBy, dispatchStationId,
				officers, arrivedAt, arrivedBy, at, actor, result, text);
	}

	private void require(AlarmAction action) {
		if (!action.allowedFrom(state)) {
			throw new InvalidInputException("state", "该报警当前为“" + state.label() + "”，不能" + action.label());
		}
	}

	private Alarm moved(AlarmState next, Instant ackAt, String ackBy, Instant dispatchAt, String dispatchBy,
			Long station, String names, Instant arriveAt, String arriveBy, Instant closeAt, String closeBy,
			AlarmOutcome result, String note) {
		return new Alarm(id, eventId, deviceId, deviceCode, deviceKind, devicePlace, schoolId, schoolCode, schoolName,
				schoolOrgId, bureauId, stationId, townshipId, regionCode, type, code, priority, actionable, channel,
				deviceTime, receivedAt, snapshotUrl, clipUrl, detail, rawPayload, next, ackAt, ackBy, dispatchAt,
				dispatchBy, station, names, arriveAt, arriveBy, closeAt, closeBy, result, note, escalationLevel,
				escalatedAt, version, owner, venueId, venueName, venueAddress);
	}

	/**
	 * How long it has waited for acknowledgement: until acknowledged, until closed, or
	 * (still open) until now; a signal only logged never waits.
	 */
	public Duration waited(Instant now) {
		Instant end = acknowledgedAt != null ? acknowledgedAt
				: closedAt != null ? closedAt : state.isOpen() ? now : receivedAt;
		return Duration.between(receivedAt, end);
	}

	/**
	 * The device's alarm code by its Chinese name (the type it was recognised as); an
	 * unrecognised code is named as such, with the code as sent.
	 */
	public String codeLabel() {
		return type == AlarmType.UNCLASSIFIED ? "未识别的报警代码“" + code + "”" : type.label();
	}

}
