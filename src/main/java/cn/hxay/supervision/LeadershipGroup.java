package cn.hxay.supervision;

import java.time.Instant;

/** A unit's 领导小组 or 工作专班. */
public record LeadershipGroup(long id, long unitId, String unitName, GroupKind kind, String name, String duties,
		Instant createdAt, int version) {

}
