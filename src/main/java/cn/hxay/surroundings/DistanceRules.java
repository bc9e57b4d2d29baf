package cn.hxay.surroundings;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The rule table, read from {@code hxay.surroundings.rules} (default
 * {@code classpath:surroundings/rules.json}) and validated at start: a bad table stops
 * the application rather than silently flag nothing.
 */
@Component
public class DistanceRules {

	private final List<DistanceRule> rules;

	DistanceRules(@Value("${hxay.surroundings.rules:classpath:surroundings/rules.json}") Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			this.rules = read(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("周边场所距离规则无法读取: " + resource, ex);
		}
	}

	private record Table(List<DistanceRule> rules) {
	}

	/** Reads and validates a rule table. */
	static List<DistanceRule> read(InputStream in) {
		Table table = JsonMapper.shared().readValue(in, Table.class);
		List<String> problems = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		if (table == null || table.rules() == null || table.rules().isEmpty()) {
			throw new IllegalStateException("周边场所距离规则为空");
		}
		for (DistanceRule r : table.rules()) {
			String where = "规则 " + r.code() + ": ";
			if (r.code() == null || !r.code().matches("[A-Z0-9_]{2,60}") || !codes.add(r.code())) {
				problems.add(where + "编号缺失、格式不对或重复");
			}
			if (r.regions() == null || r.regions().isEmpty()
					|| r.regions().stream().anyMatch(p -> p == null || !p.matches("\\d{0,6}"))) {
				problems.add(where + "适用地区须为行政区划代码前缀（空串表示全国）");
			}
			if (r.venueType() == null || r.measure() == null) {
				problems.add(where + "缺少场所类型或测量方式");
			}
			if (r.minimumMetres() < 1 || r.minimumMetres() > 5000) {
				problems.add(where + "距离须在 1–5000 米之间");
			}
			if (r.schoolKinds() == null || r.schoolKinds().isEmpty()) {
				problems.add(where + "缺少适用学校类型");
			}
			if (r.citation() == null || r.citation().isBlank() || r.label() == null || r.label().isBlank()) {
				problems.add(where + "缺少条文或依据");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("周边场所距离规则有误: " + String.join("; ", problems));
		}
		return List.copyOf(table.rules());
	}

	public List<DistanceRule> all() {
		return rules;
	}

	/** The largest distance of any rule: venues within it are in the schools' zone. */
	public int largestMetres() {
		return rules.stream().mapToInt(DistanceRule::minimumMetres).max().orElse(0);
	}

}
