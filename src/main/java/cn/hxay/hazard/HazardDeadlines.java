package cn.hxay.hazard;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Default rectification periods by grade, configurable per region. A region sets
 * {@code hxay.hazard.deadline-days.<GB/T 2260 code>=GENERAL:0,SERIOUS:30,MAJOR:90}; the
 * most specific code that covers a school's region wins (a county over its city over its
 * province), and grades it leaves out keep the national defaults of {@link HazardGrade}.
 */
@Component
public class HazardDeadlines {

	private final Map<String, Map<HazardGrade, Integer>> byPrefix = new TreeMap<>();

	HazardDeadlines(Environment environment) {
		Map<String, String> configured = Binder.get(environment)
			.bind("hxay.hazard.deadline-days", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		configured.forEach((code, value) -> {
			if (!code.matches("\\d{2}(\\d{2}){0,2}")) {
				throw new IllegalStateException("hxay.hazard.deadline-days." + code + "：地区代码应为 2、4 或 6 位数字");
			}
			Map<HazardGrade, Integer> days = new EnumMap<>(HazardGrade.class);
			for (String part : value.split(",")) {
				String[] kv = part.strip().split(":");
				try {
					int d = Integer.parseInt(kv[1].strip());
					if (d < 0 || d > 3650) {
						throw new NumberFormatException();
					}
					days.put(HazardGrade.valueOf(kv[0].strip()), d);
				}
				catch (RuntimeException ex) {
					throw new IllegalStateException("hxay.hazard.deadline-days." + code + " 的值“" + value
							+ "”格式应为 GENERAL:0,SERIOUS:30,MAJOR:90", ex);
				}
			}
			byPrefix.put(code.replaceAll("(00)+$", ""), days);
		});
	}

	/**
	 * The default period for a hazard put on the ledger from an inspection (拉单挂账): what
	 * was not fixed on the spot gets at least {@link HazardGrade#ledgerDays()} days,
	 * never a deadline on the day it was found.
	 */
	public int ledgerDaysFor(String regionCode, HazardGrade grade) {
		return Math.max(daysFor(regionCode, grade), grade.ledgerDays());
	}

	/** The default period in days for a grade in a region. */
	public int daysFor(String regionCode, HazardGrade grade) {
		String best = null;
		for (String prefix : byPrefix.keySet()) {
			if (regionCode.startsWith(prefix) && byPrefix.get(prefix).containsKey(grade)
					&& (best == null || prefix.length() > best.length())) {
				best = prefix;
			}
		}
		return best == null ? grade.defaultDays() : byPrefix.get(best).get(grade);
	}

}
