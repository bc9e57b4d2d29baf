package cn.hxay.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 通报 issued by the level above from a period's late list: its document number, the
 * units named with their standing, and the text.
 */
public record ReportNotice(long id, long definitionId, LocalDate periodStart, LocalDate periodEnd, String number,
		String title, String body, List<String> units, long issuerUnitId, String issuerUnit, String issuerName,
		Instant issuedAt) {

}
