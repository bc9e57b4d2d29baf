package cn.hxay.inspection;

import java.time.LocalDate;
import java.util.List;

import cn.hxay.organisation.DataScope;

/**
 * Annex 1 answers counted from another module's records instead of typed (drills and
 * safety education, school buses, disputes): the module implements it, inspection depends
 * on none of them. Each answer names the checklist item it fills and where it came from;
 * inspection shows it only to readers who may see the item (sensitive items: police
 * only).
 */
public interface AnnexRecordSource {

	/**
	 * The answers the records give for one school over a period (both days included),
	 * read within the caller's scope.
	 */
	List<RecordAnswer> answers(DataScope scope, long schoolId, LocalDate from, LocalDate to);

	/**
	 * One item's answer from the records.
	 *
	 * @param item the checklist item's key (e.g. {@code groupActivities})
	 * @param value the answer as the form keeps it ("true"/"false", digits, text, "/")
	 * @param source where it came from, shown next to the cell (e.g. 来自校车与驾驶人台账)
	 */
	record RecordAnswer(String item, String value, String source) {
	}

}
