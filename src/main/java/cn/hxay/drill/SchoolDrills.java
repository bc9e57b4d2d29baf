package cn.hxay.drill;

import java.util.List;

import cn.hxay.school.SchoolKind;

/** A school's drill status on a day: one row per type and the worst of them. */
public record SchoolDrills(long schoolId, String schoolName, String regionCode, SchoolKind kind,
		List<TypeStatus> types) {

	/**
	 * The worst status over the types (overdue before due before scheduled before done).
	 */
	public DrillStatus overall() {
		return types.stream().map(TypeStatus::status).max(Enum::compareTo).orElse(DrillStatus.OVERDUE);
	}

	public TypeStatus of(DrillType type) {
		return types.stream().filter(t -> t.type() == type).findFirst().orElseThrow();
	}

	/** Whether this school is listed under a status filter (overall, or for one type). */
	public boolean matches(DrillStatus status, DrillType type) {
		if (status == null) {
			return true;
		}
		return type == null ? overall() == status : of(type).status() == status;
	}

}
