package cn.hxay.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.hxay.alarm.AlarmStatistics;
import cn.hxay.alarm.Alarms;
import cn.hxay.alarm.Devices;
import cn.hxay.alarm.NetworkingRate;
import cn.hxay.alarm.RateLevel;
import cn.hxay.compliance.Compliance;
import cn.hxay.compliance.Metric;
import cn.hxay.compliance.Rate;
import cn.hxay.hazard.HazardLedger;
import cn.hxay.hazard.RectificationFigures;
import cn.hxay.identity.CurrentUser;
import cn.hxay.inspection.Campaign;
import cn.hxay.inspection.Inspections;
import cn.hxay.keyperson.KeyPersons;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.Organisations;
import cn.hxay.organisation.Region;
import cn.hxay.organisation.RegionLevel;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;
import cn.hxay.surroundings.Venues;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The command dashboard's facade: the figures per county of the user's area, the alarm
 * figures for police, and the risk score of every school in scope. Every figure is read
 * through the owning module's API with the user's {@link DataScope}, so a county sees its
 * county and a station its part of it.
 */
@Service
public class CommandDashboard {

	private final Organisations organisations;

	private final SchoolRegistry schools;

	private final Compliance compliance;

	private final HazardLedger hazards;

	private final Inspections inspections;

	private final Devices devices;

	private final Alarms alarms;

	private final Venues venues;

	private final KeyPersons keyPersons;

	private final Clock clock;

	CommandDashboard(Organisations organisations, SchoolRegistry schools, Compliance compliance, HazardLedger hazards,
			Inspections inspections, Devices devices, Alarms alarms, Venues venues, KeyPersons keyPersons,
			Clock clock) {
		this.organisations = organisations;
		this.schools = schools;
		this.compliance = compliance;
		this.hazards = hazards;
		this.inspections = inspections;
		this.devices = devices;
		this.alarms = alarms;
		this.venues = venues;
		this.keyPersons = keyPersons;
		this.clock = clock;
	}

	/** The area a user's dashboard covers: their city or county. */
	public Region areaOf(CurrentUser user) {
		Organisation unit = organisations.get(user.organisationId());
		return organisations.region(unit.regionCode());
	}

	/** Whether the user sees every school of their area (trends are kept per county). */
	public boolean seesWholeArea(CurrentUser user, DataScope scope) {
		return compliance.coversRegion(user.organisationId(), scope, areaOf(user).code());
	}

	/** The counties the area is made of (the county itself for a county's user). */
	List<Region> counties(Region area) {
		if (area.level() == RegionLevel.COUNTY) {
			return List.of(area);
		}
		String prefix = organisations.regionPrefix(area.code());
		return organisations.regions()
			.stream()
			.filter(r -> r.level() == RegionLevel.COUNTY && r.code().startsWith(prefix))
			.sorted(Comparator.comparing(Region::code))
			.toList();
	}

	/** One line per county with its rank by compliance rate (then rectification rate). */
	@Transactional(readOnly = true)
	public List<CountyFigures> counties(CurrentUser user, DataScope scope) {
		return figures(scope, counties(areaOf(user)));
	}

	/** Every county of the platform, as the daily snapshot keeps them. */
	List<CountyFigures> allCounties() {
		List<Region> counties = organisations.regions()
			.stream()
			.filter(r -> r.level() == RegionLevel.COUNTY)
			.sorted(Comparator.comparing(Region::code))
			.toList();
		return figures(DataScope.everything(false), counties);
	}

	private List<CountyFigures> figures(DataScope scope, List<Region> counties) {
		Map<String, Long> schoolCounts = schools.statistics(scope).byRegion();
		Map<String, RectificationFigures> hazardFigures = new HashMap<>();
		hazards.figures(scope, false).forEach(f -> hazardFigures.put(f.key(), f));
		Map<String, NetworkingRate> networking = new HashMap<>();
		devices.rates(scope, RateLevel.COUNTY, null, null).forEach(r -> networking.put(r.key(), r));
		Map<String, cn.hxay.inspection.CampaignProgress> progress = new HashMap<>();
		currentCampaign(scope).ifPresent(c -> inspections.progress(scope, c.id())
			.stream()
			.filter(p -> p.regionCode() != null)
			.forEach(p -> progress.put(p.regionCode(), p)));
		List<CountyFigures> rows = new ArrayList<>();
		for (Region county : counties) {
			long schoolCount = schoolCounts.getOrDefault(county.code(), 0L);
			if (schoolCount == 0 && !scope.unrestricted() && counties.size() > 1) {
				continue;
			}
			Rate overall = compliance.rates(scope, county.code())
				.stream()
				.filter(r -> r.areaKey().equals("*") && r.metric() == Metric.OVERALL)
				.findFirst()
				.orElse(null);
			RectificationFigures h = hazardFigures.get(county.code());
			NetworkingRate n = networking.get(county.code());
			cn.hxay.inspection.CampaignProgress p = progress.get(county.code());
			rows.add(new CountyFigures(county.code(), county.name(), schoolCount,
					overall == null ? 0 : overall.numerator(), overall == null ? 0 : overall.denominator(),
					h == null ? 0 : h.total() - h.closed(), h == null ? 0 : h.overdue(), h == null ? 0 : h.supervised(),
					h == null ? 0 : h.total(), p == null ? 0 : p.assigned(), p == null ? 0 : p.accepted(),
					n == null ? 0 : n.required(), n == null ? 0 : n.online(), 0));
		}
		List<CountyFigures> ranked = new ArrayList<>(rows);
		ranked.sort(Comparator
			.comparing((CountyFigures f) -> f.complianceRate() == null ? -1 : f.complianceRate(),
					Comparator.reverseOrder())
			.thenComparing(f -> f.rectificationRate() == null ? -1 : f.rectificationRate(), Comparator.reverseOrder()));
		Map<String, Integer> ranks = new HashMap<>();
		for (int i = 0; i < ranked.size(); i++) {
			ranks.put(ranked.get(i).regionCode(), i + 1);
		}
		return rows.stream().map(r -> r.ranked(ranks.get(r.regionCode()))).toList();
	}

	/** The campaign launched last among those the user sees. */
	public Optional<Campaign> currentCampaign(DataScope scope) {
		return inspections.campaigns(scope, new PageRequest(0, 1)).items().stream().findFirst();
	}

	/** Today's alarm figures; only for users who work alarms (police). */
	@Transactional(readOnly = true)
	public Optional<AlarmFigures> alarmsToday(CurrentUser user, DataScope scope) {
		if (!alarms.mayWork(user)) {
			return Optional.empty();
		}
		LocalDate today = PlatformTime.today(clock);
		Instant from = today.atStartOfDay(PlatformTime.ZONE).toInstant();
		AlarmStatistics stats = alarms.statistics(scope, from, clock.instant().plusSeconds(1));
		long received = stats.byType().values().stream().mapToLong(Long::longValue).sum();
		return Optional.of(new AlarmFigures(received, alarms.queue(user, scope).size(),
				minutes(stats.meanSecondsToAcknowledge()), minutes(stats.meanSecondsToArrive())));
	}

	private static Double minutes(Double seconds) {
		return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
	}

	/**
	 * Every school in scope with its risk score, highest first. Terms made from police
	 * data are added for police users only.
	 */
	@Transactional(readOnly = true)
	public List<SchoolRisk> risks(CurrentUser user, DataScope scope) {
		Map<Long, Integer> failing = compliance.failingCountBySchool(scope);
		Map<Long, RectificationFigures> hazardFigures = hazards.figuresBySchool(scope);
		Map<Long, Long> violations = venues.openViolationsBySchool(scope);
		boolean police = alarms.mayWork(user) && KeyPersons.mayUse(user);
		Map<Long, Long> realAlarms = new HashMap<>();
		Map<Long, Long> nearby = police ? keyPersons.nearbyCountBySchool(user, scope) : Map.of();
		if (police) {
			Instant to = clock.instant().plusSeconds(1);
			alarms.statistics(scope, to.minus(java.time.Duration.ofDays(90)), to)
				.falseAlarmRates()
				.forEach(s -> realAlarms.put(s.schoolId(), s.closed() - s.falseAlarms()));
		}
		List<SchoolRisk> result = new ArrayList<>();
		schools.forEach(scope, SchoolFilter.none(), school -> {
			RectificationFigures h = hazardFigures.get(school.id());
			var counts = new RiskScore.Counts(failing.getOrDefault(school.id(), 0),
					h == null ? 0 : h.total() - h.closed(), h == null ? 0 : h.overdue(),
					violations.getOrDefault(school.id(), 0L), police ? realAlarms.getOrDefault(school.id(), 0L) : null,
					police ? nearby.getOrDefault(school.id(), 0L) : null);
			result.add(new SchoolRisk(school.id(), school.name(), school.regionCode(), school.details().longitude(),
					school.details().latitude(), RiskScore.terms(school.id(), counts)));
		});
		result.sort(Comparator.comparingLong(SchoolRisk::score).reversed().thenComparing(SchoolRisk::schoolName));
		return result;
	}

	/** One school's risk score with its terms; 404 outside the scope. */
	@Transactional(readOnly = true)
	public SchoolRisk risk(CurrentUser user, DataScope scope, long schoolId) {
		School school = schools.get(scope, schoolId);
		return risks(user, scope).stream()
			.filter(r -> r.schoolId() == school.id())
			.findFirst()
			.orElseThrow(() -> new NotFoundException("学校不存在或不在管辖范围内"));
	}

	/** Counts of schools per risk band, in band order. */
	static Map<RiskBand, Long> bands(List<SchoolRisk> risks) {
		Map<RiskBand, Long> bands = new LinkedHashMap<>();
		for (RiskBand band : RiskBand.values()) {
			bands.put(band, risks.stream().filter(r -> r.band() == band).count());
		}
		return bands;
	}

}
