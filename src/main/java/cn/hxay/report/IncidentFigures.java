package cn.hxay.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.hxay.incident.Incident;
import cn.hxay.incident.IncidentType;
import cn.hxay.incident.Incidents;
import cn.hxay.shared.PlatformTime;

import org.springframework.stereotype.Component;

/**
 * The school incidents (涉校案事件) of the unit's scope that occurred within the period, as
 * the incident list filtered by those days shows them: counted per type, the offences
 * (侵害人身、非法侵入、欺凌、侵财) for 打击违法犯罪 and the other incidents for 防范案事件, each with one line per
 * case (date, school, type, place, what happened) so every case is attached. Counts and
 * lines carry no police link, so they are not police-only.
 */
@Component
class IncidentFigures implements ReportFigureSource {

	static final String SOURCE = "涉校案事件登记";

	/** The types 打击违法犯罪 counts; the others go to 防范案事件. */
	static final Set<IncidentType> OFFENCES = Set.of(IncidentType.VIOLENCE, IncidentType.INTRUSION,
			IncidentType.BULLYING, IncidentType.THEFT);

	private static final int WHAT_CHARS = 60;

	private final Incidents incidents;

	IncidentFigures(Incidents incidents) {
		this.incidents = incidents;
	}

	@Override
	public List<ReportFigure> figures(FigureRequest request) {
		// school accounts do not read the incident register, so their reports are not
		// offered its figures either
		if (request.school() || request.asOfDay().isBefore(request.periodStart())) {
			return List.of();
		}
		List<Incident> found = incidents.occurredBetween(request.scope(), request.periodStart(), request.asOfDay());
		Map<IncidentType, Long> byType = new EnumMap<>(IncidentType.class);
		List<String> offences = new ArrayList<>();
		List<String> events = new ArrayList<>();
		for (Incident i : found) {
			byType.merge(i.type(), 1L, Long::sum);
			(OFFENCES.contains(i.type()) ? offences : events).add(line(i));
		}
		List<ReportFigure> figures = new ArrayList<>();
		figures.add(new ReportFigure("incident.total", "涉校案事件", found.size(), SOURCE, false));
		figures.add(new ReportFigure("incident.offences", "涉校违法犯罪案件", offences.size(), SOURCE, false,
				String.join("\n", offences)));
		figures.add(
				new ReportFigure("incident.events", "涉校安全事件", events.size(), SOURCE, false, String.join("\n", events)));
		for (IncidentType t : IncidentType.values()) {
			figures.add(new ReportFigure("incident.type." + t.name(), t.label(), byType.getOrDefault(t, 0L), SOURCE,
					false));
		}
		return figures;
	}

	/** One case as a line of the form: 2026-11-03 08:10 某小学 校园欺凌：校门口，经过… */
	static String line(Incident i) {
		String what = i.what() == null ? "" : i.what().replaceAll("\\s+", " ").strip();
		if (what.length() > WHAT_CHARS) {
			what = what.substring(0, WHAT_CHARS) + "…";
		}
		String place = i.place() == null ? "" : i.place().replaceAll("\\s+", " ").strip();
		return PlatformTime.MINUTE.format(i.occurredAt()) + " " + i.schoolName().strip() + " " + i.type().label() + "："
				+ (place.isEmpty() ? "" : place + "，") + what;
	}

}
