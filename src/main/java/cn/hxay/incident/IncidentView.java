package cn.hxay.incident;

import java.util.List;

/**
 * One incident as its reader may see it: its reports and the 三同步 steps; the key persons
 * involved only for police readers (empty for everyone else).
 */
public record IncidentView(Incident incident, List<IncidentReport> reports, List<HandlingAction> actions,
		List<Long> keyPersonIds, List<ReportClock.Finding> overdue, boolean policeReader) {

	public List<HandlingAction> on(Track track) {
		return actions.stream().filter(a -> a.track() == track).toList();
	}

}
