package cn.hxay.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.hxay.hazard.HazardCategory;
import cn.hxay.hazard.HazardGrade;
import cn.hxay.posture.Postures;
import cn.hxay.shared.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The checklist templates the platform carries ({@code inspection/checklists/*.json}),
 * checked when the platform starts: a broken template stops the start with a message
 * naming the file and the item.
 */
@Component
class Checklists {

	private final List<ChecklistTemplate> templates;

	Checklists(JsonMapper json) {
		List<ChecklistTemplate> loaded = new ArrayList<>();
		try {
			for (Resource r : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:inspection/checklists/*.json")) {
				try (InputStream in = r.getInputStream()) {
					ChecklistTemplate t = json.readValue(in, ChecklistTemplate.class);
					List<String> problems = problems(t);
					if (!problems.isEmpty()) {
						throw new IllegalStateException(
								"检查表模板 " + r.getFilename() + " 有误：" + String.join("；", problems));
					}
					loaded.add(t);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		loaded.sort(Comparator.comparing(ChecklistTemplate::code).thenComparing(ChecklistTemplate::version));
		this.templates = List.copyOf(loaded);
	}

	List<ChecklistTemplate> all() {
		return templates;
	}

	ChecklistTemplate get(String code) {
		return templates.stream()
			.filter(t -> t.code().equals(code))
			.max(Comparator.comparingInt(ChecklistTemplate::version))
			.orElseThrow(() -> new NotFoundException("检查表模板不存在：" + code));
	}

	static List<String> problems(ChecklistTemplate t) {
		List<String> problems = new ArrayList<>();
		if (t.code() == null || !t.code().matches("[a-z0-9-]{3,60}")) {
			problems.add("code 应为 3–60 位小写字母、数字或连字符");
		}
		if (t.version() < 1) {
			problems.add("version 应从 1 开始");
		}
		if (t.title() == null || t.title().isBlank() || t.sections().isEmpty()) {
			problems.add("缺少标题或分节");
		}
		Set<String> keys = new HashSet<>();
		for (ChecklistItem item : t.items()) {
			String at = "项目 " + item.key() + "：";
			if (item.key() == null || !item.key().matches("[A-Za-z][A-Za-z0-9]{0,59}") || !keys.add(item.key())) {
				problems.add(at + "key 缺失、格式不对或重复");
			}
			if (item.label() == null || item.label().isBlank() || item.type() == null) {
				problems.add(at + "缺少 label 或 type");
				continue;
			}
			if (item.type() == ItemType.CHOICE && item.choices().isEmpty()) {
				problems.add(at + "选项题缺少 choices");
			}
			if (!item.choices().containsAll(item.pass())) {
				problems.add(at + "pass 不在 choices 中");
			}
			if (item.atLeast() != null && t.item(item.atLeast()).map(o -> o.type() != ItemType.NUMBER).orElse(true)) {
				problems.add(at + "atLeast 应指向本表中的数字项目");
			}
			for (String fact : item.posture()) {
				if (!Postures.AMENDABLE_FACTS.contains(fact)) {
					problems.add(at + "posture 中的 " + fact + " 不是可更新的安全防范事实");
				}
			}
			if (item.category() != null && java.util.Arrays.stream(HazardCategory.values())
				.noneMatch(c -> c.name().equals(item.category()))) {
				problems.add(at + "category 无效");
			}
			if (item.grade() != null
					&& java.util.Arrays.stream(HazardGrade.values()).noneMatch(g -> g.name().equals(item.grade()))) {
				problems.add(at + "grade 无效");
			}
		}
		return problems;
	}

}
