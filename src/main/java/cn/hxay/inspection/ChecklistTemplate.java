package cn.hxay.inspection;

import java.util.List;
import java.util.Optional;

/**
 * A versioned checklist: sections of items, with the document it comes from. A campaign
 * keeps a copy of the version it was launched with, so later versions never change a
 * running campaign.
 */
public record ChecklistTemplate(String code, int version, String title, String source, String note,
		List<Section> sections) {

	public ChecklistTemplate {
		sections = sections == null ? List.of() : List.copyOf(sections);
	}

	/** A titled group of items. */
	public record Section(String title, List<ChecklistItem> items) {

		public Section {
			items = items == null ? List.of() : List.copyOf(items);
		}

	}

	public List<ChecklistItem> items() {
		return sections.stream().flatMap(s -> s.items().stream()).toList();
	}

	public Optional<ChecklistItem> item(String key) {
		return items().stream().filter(i -> i.key().equals(key)).findFirst();
	}

	public String label() {
		return title + "（第 " + version + " 版）";
	}

}
