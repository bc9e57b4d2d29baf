package cn.hxay.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An inspection campaign (e.g. 2019年护校安园大检查): who issued it, which schools it covers, its
 * dated phases, the checklist version it uses and the reporting cadence.
 *
 * @param scopeRegion the region code whose schools (under the issuing units) are covered
 * @param schoolKinds school kinds covered, empty for all
 */
public record Campaign(long id, String title, String issuers, long scopeUnitId, String scopeRegion,
		List<String> schoolKinds, ChecklistTemplate template, List<Phase> phases, LocalDate selfCheckFrom,
		LocalDate selfCheckDue, String reporting, String createdBy, long createdUnitId, Instant createdAt) {

	public Optional<Phase> phaseOn(LocalDate day) {
		return phases.stream().filter(p -> p.covers(day)).findFirst();
	}

}
