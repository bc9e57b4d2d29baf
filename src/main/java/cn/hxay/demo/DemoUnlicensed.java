package cn.hxay.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.PlatformTime;
import cn.hxay.unlicensed.LedgerMove;
import cn.hxay.unlicensed.NewInstitution;
import cn.hxay.unlicensed.UnlicensedInstitution;
import cn.hxay.unlicensed.UnlicensedInstitutions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, five unlicensed institutions found by the county education bureaus of 天宁区
 * and 武进区: care points, a kindergarten and tutoring classes, one licensed, one banned
 * (its re-check falls due later), the rest within their deadline. Written through the
 * unlicensed module's API; skipped when any exists.
 */
@Component
class DemoUnlicensed {

	private static final Logger log = LoggerFactory.getLogger(DemoUnlicensed.class);

	/**
	 * County, kind, name, operator, children, metres north and east of a school of the
	 * county.
	 */
	private static final Object[][] FOUND = { { "320402", "CARE_POINT", "小太阳午托班", "周某某", 18, 150, 80 },
			{ "320402", "TUTORING", "学霸堂课外辅导班", "钱某", 35, -120, 200 },
			{ "320402", "KINDERGARTEN", "红苹果幼儿园（无证）", "孙某某", 42, 300, -90 },
			{ "320412", "CARE_POINT", "湖塘爱心托管", "李某", 22, 90, -160 },
			{ "320412", "TUTORING", "博学英语培训班", "吴某某", 28, -200, 60 } };

	private final boolean enabled;

	private final UnlicensedInstitutions institutions;

	private final Organisations organisations;

	private final SchoolRegistry schools;

	private final Clock clock;

	DemoUnlicensed(@Value("${hxay.demo.enabled:true}") boolean enabled, UnlicensedInstitutions institutions,
			Organisations organisations, SchoolRegistry schools, Clock clock) {
		this.enabled = enabled;
		this.institutions = institutions;
		this.organisations = organisations;
		this.schools = schools;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || institutions.anyRecorded()) {
			return;
		}
		LocalDate today = PlatformTime.today(clock);
		List<UnlicensedInstitution> made = new ArrayList<>();
		long qinglong = organisations.units("320402", OrganisationKind.POLICE_STATION)
			.stream()
			.filter(o -> o.name().equals("青龙派出所"))
			.mapToLong(Organisation::id)
			.findFirst()
			.orElse(-1);
		for (Object[] f : FOUND) {
			String region = (String) f[0];
			Organisation bureau = organisations.ofKind(OrganisationKind.COUNTY_EDUCATION_BUREAU, region)
				.stream()
				.findFirst()
				.orElse(null);
			School school = schoolOf(region, qinglong);
			if (bureau == null || school == null || school.details().policeStationId() == null) {
				continue;
			}
			CurrentUser officer = new CurrentUser(0, "demo", "安全科 工作人员", bureau.id(),
					Set.of(Role.COUNTY_EDUCATION_ADMIN));
			DataScope scope = organisations.scopeOf(bureau.id(), false);
			double lat = school.details().latitude().doubleValue() + ((Integer) f[5]) / 111_195.0;
			double lon = school.details().longitude().doubleValue() + ((Integer) f[6]) / 94_500.0;
			Long township = school.details().townshipId();
			made.add(institutions
				.register(officer, scope,
						new NewInstitution((String) f[1], (String) f[2],
								(school.details().address() == null ? bureau.name() : school.details().address())
										+ "附近民房",
								"WGS84", decimal(lon), decimal(lat), (String) f[3], Integer.toString((Integer) f[4]),
								school.details().policeStationId().toString(),
								township == null ? "" : township.toString(), "社区网格员排查", today.minusDays(3).toString(),
								bureau.name() + "、属地街道", today.plusDays(20 + made.size() * 5).toString())));
			if (made.size() == 1) {
				institutions.license(officer, scope, made.get(0).id(), new LedgerMove(
						Integer.toString(made.get(0).version()), "教民132040270000001号", "已按要求补办登记手续", null, null));
			}
			else if (made.size() == 3) {
				institutions.ban(officer, scope, made.get(2).id(),
						new LedgerMove(Integer.toString(made.get(2).version()), null,
								"区教育局会同街道、市场监管、派出所依法取缔，在园幼儿已分流至附近公办幼儿园", null, null));
			}
		}
		log.info("Demo data: {} unlicensed institutions in 天宁区 and 武进区", made.size());
	}

	/**
	 * A school of the county with coordinates, one of the given station when there is
	 * one.
	 */
	private School schoolOf(String region, long preferredStation) {
		School[] found = { null };
		schools.forEach(DataScope.everything(false), SchoolFilter.none(), school -> {
			Long station = school.details().policeStationId();
			if (school.regionCode().equals(region) && school.details().latitude() != null && station != null
					&& (found[0] == null || station == preferredStation
							&& found[0].details().policeStationId() != preferredStation)) {
				found[0] = school;
			}
		});
		return found[0];
	}

	private static String decimal(double value) {
		return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString();
	}

}
