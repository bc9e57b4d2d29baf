package cn.hxay.drill;

import java.time.LocalDate;

/**
 * A group activity of teachers and students (旅游、演出、比赛、游学、拓展训练, seed 001 §三.10), with how
 * many took part and whether a school leader was directly responsible for its safety
 * (Annex 1).
 */
public record GroupActivity(long id, long schoolId, String schoolName, LocalDate heldOn, String title, int people,
		boolean leaderResponsible, String leaderName, String recordedBy) {
}
