package cn.hxay.inspection;

import java.time.LocalDate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PlatformTime;

import org.springframework.stereotype.Component;

/**
 * The Annex 1 answers that come from the records ({@link AnnexRecordSource} beans), for
 * one form: counted over the 90 days up to the day the form was submitted (or up to
 * today, at the latest its due date), only for items of its checklist, sensitive items
 * only for police readers, and only values the item accepts.
 */
@Component
class AnnexRecords {

	static final int PERIOD_DAYS = 90;

	private final List<AnnexRecordSource> sources;

	private final Clock clock;

	AnnexRecords(List<AnnexRecordSource> sources, Clock clock) {
		this.sources = sources;
		this.clock = clock;
	}

	/** The last day the records are counted to for a form. */
	LocalDate periodEnd(Inspection i) {
		if (i.submittedAt() != null) {
			return PlatformTime.dayOf(i.submittedAt());
		}
		LocalDate today = PlatformTime.today(clock);
		return today.isAfter(i.due()) ? i.due() : today;
	}

	/** The records' answers for a form, by item key. */
	Map<String, AnnexRecordSource.RecordAnswer> answers(DataScope scope, Inspection i, ChecklistTemplate template) {
		LocalDate to = periodEnd(i);
		LocalDate from = to.minusDays(PERIOD_DAYS);
		Map<String, AnnexRecordSource.RecordAnswer> found = new LinkedHashMap<>();
		for (AnnexRecordSource source : sources) {
			for (AnnexRecordSource.RecordAnswer a : source.answers(scope, i.schoolId(), from, to)) {
				template.item(a.item())
					.filter(item -> !item.sensitive() || scope.policeData())
					.filter(item -> fits(item, a.value()))
					.ifPresent(item -> found.put(item.key(), a));
			}
		}
		return found;
	}

	private static boolean fits(ChecklistItem item, String value) {
		if (value == null) {
			return false;
		}
		if (ChecklistItem.NOT_APPLICABLE.equals(value)) {
			return item.notApplicable();
		}
		return switch (item.type()) {
			case YES_NO -> value.equals("true") || value.equals("false");
			case NUMBER -> value.matches("\\d{1,9}");
			case TEXT -> value.length() <= 2000;
			default -> false;
		};
	}

}
