package cn.hxay.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Turns audit entries into lines people read: the action and object type in Chinese and
 * the object by its name, asking each module's {@link AuditSubjects} once per page of
 * entries.
 */
@Component
class AuditNames {

	private static final Map<String, String> FALLBACK_TYPES = Map.of("region", "地区", "evaluation_run", "全量评估",
			"webhook", "推送地址", "bulk_accounts", "批量开通", "venue", "周边场所", "venue_violation", "周边违规", "warning", "预警",
			"device", "设备", "alarm", "警情", "audit", "审计日志");

	private final Map<String, AuditSubjects> subjects;

	AuditNames(List<AuditSubjects> subjects) {
		this.subjects = subjects.stream().collect(Collectors.toMap(AuditSubjects::type, Function.identity()));
	}

	/** One line of the log as shown and exported. */
	record Line(AuditEntry entry, String action, String subjectType, String subject) {
	}

	List<Line> lines(List<AuditEntry> entries) {
		Map<String, Set<String>> idsByType = new HashMap<>();
		for (AuditEntry entry : entries) {
			if (entry.subjectType() != null && entry.subjectId() != null) {
				idsByType.computeIfAbsent(entry.subjectType(), t -> new LinkedHashSet<>()).add(entry.subjectId());
			}
		}
		Map<String, Map<String, String>> names = new HashMap<>();
		idsByType.forEach((type, ids) -> {
			AuditSubjects source = subjects.get(type);
			names.put(type, source == null ? Map.of() : source.names(ids));
		});
		List<Line> lines = new ArrayList<>(entries.size());
		for (AuditEntry entry : entries) {
			String id = entry.subjectId();
			String name = id == null ? null : names.getOrDefault(entry.subjectType(), Map.of()).get(id);
			lines.add(new Line(entry, AuditActions.label(entry.action()), typeLabel(entry.subjectType()),
					name != null ? name : id == null ? "" : "#" + id));
		}
		return lines;
	}

	String typeLabel(String type) {
		if (type == null) {
			return "";
		}
		AuditSubjects source = subjects.get(type);
		return source != null ? source.label() : FALLBACK_TYPES.getOrDefault(type, type);
	}

}
