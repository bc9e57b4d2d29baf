package cn.hxay.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.report.Cadence;
import cn.hxay.report.NewReport;
import cn.hxay.report.Period;
import cn.hxay.report.ReportDefinition;
import cn.hxay.report.ReportForm;
import cn.hxay.report.Reports;
import cn.hxay.report.Submission;
import cn.hxay.shared.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, 常州市教育局's half-monthly progress report (seed 000 §四(四): 每半月上报) asked of
 * the six county bureaus, from the previous half month: for the previous period 武进区
 * reported late (迟报) and the others are on the late list (逾期未报), so the city can issue a
 * 通报; for the current period every county but 天宁区 has reported on time, so 天宁区's officer
 * can open it with its figures filled in. Written through the report module's API;
 * skipped when any report exists.
 */
@Component
@Order(100)
class DemoReports {

	private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

	static final String TITLE = "校园安全整治工作进展情况（半月报）";

	private final boolean enabled;

	private final Reports reports;

	private final Organisations organisations;

	private final Clock clock;

	DemoReports(@Value("${hxay.demo.enabled:true}") boolean enabled, Reports reports, Organisations organisations,
			Clock clock) {
		this.enabled = enabled;
		this.reports = reports;
		this.organisations = organisations;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || !reports.definitions(DataScope.everything(true)).isEmpty()) {
			return;
		}
		List<Organisation> city = organisations.units("320400", OrganisationKind.CITY_EDUCATION_BUREAU);
		if (city.isEmpty()) {
			return;
		}
		LocalDate today = PlatformTime.today(clock);
		LocalDate currentStart = today.getDayOfMonth() <= 15 ? today.withDayOfMonth(1) : today.withDayOfMonth(16);
		LocalDate previousStart = currentStart.getDayOfMonth() == 1 ? currentStart.minusMonths(1).withDayOfMonth(16)
				: currentStart.withDayOfMonth(1);
		CurrentUser officer = new CurrentUser(0, "demo", "常州市教育局安稳处", city.get(0).id(),
				Set.of(Role.CITY_EDUCATION_ADMIN));
		ReportDefinition d = reports.define(officer, new NewReport(TITLE, ReportForm.PROGRESS, Cadence.HALF_MONTHLY, 3,
				null, previousStart, null, null, 10, 2, OrganisationKind.COUNTY_EDUCATION_BUREAU));
		List<Period> periods = d.periods(today);
		Period current = periods.get(0);
		Period previous = periods.size() > 1 ? periods.get(1) : null;
		int submitted = 0;
		for (Organisation county : organisations.units("320400", OrganisationKind.COUNTY_EDUCATION_BUREAU)) {
			if (!county.isWithin(city.get(0))) {
				continue;
			}
			boolean tianning = county.regionCode().equals("320402");
			boolean wujin = county.regionCode().equals("320412");
			if (!tianning) {
				submit(county, d, current);
				submitted++;
			}
			if (wujin && previous != null && previous.openOn(today)) {
				submit(county, d, previous);
				submitted++;
			}
		}
		log.info("演示填报已生成: 1 个报表, {} 份已报送", submitted);
	}

	private void submit(Organisation county, ReportDefinition d, Period p) {
		CurrentUser user = new CurrentUser(0, "demo", county.name() + "安稳科", county.id(),
				Set.of(Role.COUNTY_EDUCATION_ADMIN));
		DataScope scope = organisations.scopeOf(county.id(), false);
		Submission s = reports.open(user, scope, d.id(), p.start());
		Map<String, String> values = new HashMap<>();
		values.put("progress", county.name() + "本期开展校园及周边安全隐患排查，督促学校落实门卫值守、护学岗和一键报警联网；对排查出的隐患逐一拉单挂账、限期整改。");
		values.put("problems", "部分农村学校物防设施仍需补齐，下一步将协调财政加大投入。");
		for (Submission.Value v : s.values()) {
			if (v.value() == null && !values.containsKey(v.field())) {
				values.put(v.field(), "0");
			}
		}
		values.keySet().removeIf(k -> d.form().field(k).isEmpty());
		reports.save(user, scope, s.id(), s.version(), values, Map.of(), true, true);
	}

}
