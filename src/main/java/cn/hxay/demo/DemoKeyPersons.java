package cn.hxay.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.hxay.identity.CurrentUser;
import cn.hxay.identity.Role;
import cn.hxay.keyperson.Category;
import cn.hxay.keyperson.KeyPerson;
import cn.hxay.keyperson.KeyPersonDetails;
import cn.hxay.keyperson.KeyPersons;
import cn.hxay.keyperson.NewVisit;
import cn.hxay.keyperson.RiskLevel;
import cn.hxay.keyperson.StatusChange;
import cn.hxay.keyperson.StatusMove;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.school.SchoolFilter;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, about thirty key persons (fictitious names, valid-looking but invented ID
 * numbers) around schools of the demo city, twelve of them for 青龙派出所, with visits, some
 * of them overdue and one released from control, so that the police pages are not empty.
 * Written through the register's public API; skipped when any key person exists. Runs
 * when the application is ready, after the demo city is built.
 */
@Component
class DemoKeyPersons {

	private static final Logger log = LoggerFactory.getLogger(DemoKeyPersons.class);

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马",
			"胡", "郭" };

	private static final String[] GIVEN = { "建国", "志强", "海波", "小军", "春梅", "国庆", "立新", "卫东", "红霞", "永刚", "德明", "桂芳",
			"文斌", "晓东", "玉兰", "振华" };

	private static final String[] FINDINGS = { "本人在家，情绪稳定，按时服药，监护人在场。", "与社区网格员一同上门，近期无异常言行，已再次开展法治教育。",
			"本人外出务工，电话联系确认行踪，监护人反映情况正常。", "情绪有波动，对学校纠纷处理结果仍有意见，已会同社区做疏导，提示学校加强门卫。" };

	private final boolean enabled;

	private final KeyPersons keyPersons;

	private final Organisations organisations;

	private final SchoolRegistry schools;

	private final Clock clock;

	DemoKeyPersons(@Value("${hxay.demo.enabled:true}") boolean enabled, KeyPersons keyPersons,
			Organisations organisations, SchoolRegistry schools, Clock clock) {
		this.enabled = enabled;
		this.keyPersons = keyPersons;
		this.organisations = organisations;
		this.schools = schools;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || keyPersons.anyRecorded()) {
			return;
		}
		List<Organisation> stations = new ArrayList<>(organisations.units("", OrganisationKind.POLICE_STATION));
		if (stations.isEmpty()) {
			return;
		}
		// 青龙派出所 (the demo station officer's) first, then every third station of the city
		stations
			.sort(Comparator.comparing((Organisation o) -> !o.name().equals("青龙派出所")).thenComparing(Organisation::id));
		Map<Long, List<School>> schoolsByStation = new LinkedHashMap<>();
		schools.forEach(DataScope.everything(false), SchoolFilter.none(), school -> {
			if (school.details().policeStationId() != null && school.details().latitude() != null) {
				schoolsByStation.computeIfAbsent(school.details().policeStationId(), k -> new ArrayList<>())
					.add(school);
			}
		});
		Random random = new Random(20191125L);
		List<Category> categories = keyPersons.categories();
		LocalDate today = PlatformTime.today(clock);
		int made = 0;
		for (int i = 0; i < 30; i++) {
			Organisation station = i < 12 ? stations.get(0) : stations.get(1 + (i - 12) * 2 % (stations.size() - 1));
			List<School> near = schoolsByStation.getOrDefault(station.id(), List.of());
			if (near.isEmpty()) {
				continue;
			}
			School school = near.get(random.nextInt(near.size()));
			CurrentUser officer = new CurrentUser(0, "demo", station.name() + "社区民警", station.id(),
					Set.of(Role.STATION_OFFICER));
			DataScope scope = DataScope.everything(true);
			Category category = categories.get(i % categories.size());
			RiskLevel risk = RiskLevel.values()[i % 3 == 0 ? 2 : i % 3 == 1 ? 1 : 0];
			// a few hundred metres from a school of the station
			double north = (random.nextDouble() - 0.5) * 900 / 111_195.0;
			double east = (random.nextDouble() - 0.5) * 900 / 94_500.0;
			String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
			LocalDate since = today.minusDays(40 + random.nextInt(200));
			KeyPerson p = keyPersons.create(officer, scope, new KeyPersonDetails(name, idNumber(random, school),
					"13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000)),
					school.details().address() == null ? station.name() + "辖区" : school.details().address() + "附近小区",
					school.details().longitude().add(BigDecimal.valueOf(east)).setScale(6, RoundingMode.HALF_UP),
					school.details().latitude().add(BigDecimal.valueOf(north)).setScale(6, RoundingMode.HALF_UP),
					station.id(), station.name().replace("派出所", "") + "所社区民警", risk, category.code(),
					"落实“一人一案”：社区民警定期走访，监护人每日看护，发现异常立即报告；学校门卫知悉并加强上下学时段巡查。", "家属（父/母/配偶），电话见纸质档案", "社区网格员", null,
					since));
			int interval = category.daysFor(risk);
			// the last visit: most on time, every fourth one overdue by a few days to
			// weeks
			int ago = i % 4 == 0 ? interval + 3 + random.nextInt(20) : random.nextInt(Math.max(1, interval - 1));
			LocalDate last = today.minusDays(ago);
			if (last.isAfter(since)) {
				keyPersons.recordVisit(officer, scope, p.id(),
						new NewVisit(last.minusDays(interval), officer.displayName(), FINDINGS[i % FINDINGS.length]));
				keyPersons.recordVisit(officer, scope, p.id(),
						new NewVisit(last, officer.displayName(), FINDINGS[(i + 1) % FINDINGS.length]));
			}
			if (i == 29) {
				KeyPerson now = keyPersons.view(officer, scope, p.id());
				keyPersons.changeStatus(officer, scope, p.id(), now.version(),
						new StatusChange(StatusMove.RELEASE, null, "矫正期满，经评估已无现实危害，撤销管控", today.plusDays(90)));
			}
			made++;
		}
		log.info("演示重点人员已生成: {} 人", made);
	}

	/**
	 * An invented 18-digit ID number of the school's county, with a correct check
	 * character.
	 */
	private static String idNumber(Random random, School school) {
		String region = school.regionCode().length() >= 6 ? school.regionCode().substring(0, 6) : "320402";
		LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(random.nextInt(365 * 35));
		String first17 = region + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

}
