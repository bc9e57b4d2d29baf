package cn.hxay.drill;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import cn.hxay.school.SchoolKind;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How often each type of drill is required, per kind of school, and how many days ahead a
 * drill counts as due. Configurable: {@code hxay.drill.interval-days.EVACUATION=31} for
 * every kind, {@code hxay.drill.interval-days.KINDERGARTEN.EVACUATION=92} for one kind,
 * {@code hxay.drill.due-window-days=14}.
 * <p>
 * Defaults: evacuation every month at schools and every quarter at kindergartens
 * (教育部办公厅《中小学幼儿园应急疏散演练指南》教基一厅〔2014〕2号: 中小学每月至少开展一次应急疏散演练，幼儿园每季度至少一次). The seeds ask only
 * for drills held 定期 (seed 001 §三.9; seed 003 Guangxi §二(一)1: 定期组织应对地震、火灾等情况的应急疏散演练), so
 * fire, anti-intrusion and earthquake drills take the platform default of once a term
 * (183 days).
 */
@Component
public class DrillRules {

	/** The platform default for a type without a cited number: once a term. */
	public static final int TERM_DAYS = 183;

	private final Map<DrillType, Integer> defaults = new EnumMap<>(DrillType.class);

	private final Map<SchoolKind, Map<DrillType, Integer>> byKind = new EnumMap<>(SchoolKind.class);

	private final int dueWindowDays;

	DrillRules(Environment env) {
		for (DrillType type : DrillType.values()) {
			int fallback = type == DrillType.EVACUATION ? 31 : TERM_DAYS;
			defaults.put(type, positive(env, "hxay.drill.interval-days." + type.name(), fallback));
		}
		for (SchoolKind kind : SchoolKind.values()) {
			Map<DrillType, Integer> days = new EnumMap<>(DrillType.class);
			for (DrillType type : DrillType.values()) {
				int fallback = kind == SchoolKind.KINDERGARTEN && type == DrillType.EVACUATION ? 92
						: defaults.get(type);
				days.put(type, positive(env, "hxay.drill.interval-days." + kind.name() + "." + type.name(), fallback));
			}
			byKind.put(kind, days);
		}
		this.dueWindowDays = positive(env, "hxay.drill.due-window-days", 14);
	}

	private static int positive(Environment env, String key, int fallback) {
		int value = env.getProperty(key, Integer.class, fallback);
		if (value < 1 || value > 3660) {
			throw new IllegalStateException(key + " 应为 1–3660 天，现为 " + value);
		}
		return value;
	}

	/** Days allowed between two drills of this type at a school of this kind. */
	public int intervalDays(SchoolKind kind, DrillType type) {
		return kind == null ? defaults.get(type) : byKind.get(kind).get(type);
	}

	public int dueWindowDays() {
		return dueWindowDays;
	}

	/**
	 * The status of one type at one school on a day.
	 * @param lastHeld the last day it was held on or before {@code today}, or null
	 * @param nextPlanned the first planned day on or after {@code today}, or null
	 */
	public DrillStatus status(SchoolKind kind, DrillType type, LocalDate lastHeld, LocalDate nextPlanned,
			LocalDate today) {
		if (lastHeld == null) {
			return DrillStatus.OVERDUE;
		}
		LocalDate due = lastHeld.plusDays(intervalDays(kind, type));
		if (due.isBefore(today)) {
			return DrillStatus.OVERDUE;
		}
		if (today.isBefore(due.minusDays(dueWindowDays))) {
			return DrillStatus.DONE;
		}
		return nextPlanned != null && !nextPlanned.isAfter(due) ? DrillStatus.SCHEDULED : DrillStatus.DUE;
	}

	/** The day the next drill is due, or null when none was ever held (overdue now). */
	public LocalDate dueOn(SchoolKind kind, DrillType type, LocalDate lastHeld) {
		return lastHeld == null ? null : lastHeld.plusDays(intervalDays(kind, type));
	}

}
