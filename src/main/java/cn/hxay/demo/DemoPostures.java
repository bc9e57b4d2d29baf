package cn.hxay.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.hxay.posture.Equipment;
import cn.hxay.posture.Guard;
import cn.hxay.posture.PerimeterType;
import cn.hxay.posture.Postures;
import cn.hxay.posture.SecurityPosture;
import cn.hxay.school.School;
import cn.hxay.school.SchoolDetails;
import cn.hxay.shared.PlatformTime;

/**
 * Deterministic postures for the demo schools: most meet most rules, a realistic share
 * falls short somewhere, a few never reported, and a fifth have an older, worse version
 * from the start of the school year.
 */
final class DemoPostures {

	private static final ZoneId CHINA = PlatformTime.ZONE;

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";

	private final Random random;

	private final Postures postures;

	DemoPostures(Postures postures, long seed) {
		this.postures = postures;
		this.random = new Random(seed);
	}

	void record(List<School> schools, OffsetDateTime now) {
		OffsetDateTime termStart = LocalDate.of(2025, 9, 1).atStartOfDay(CHINA).toOffsetDateTime();
		for (School school : schools) {
			if (random.nextDouble() < 0.03) {
				continue;
			}
			if (random.nextDouble() < 0.2) {
				postures.recordAs("demo", school.id(), posture(school.details(), 0.6), termStart);
			}
			postures.recordAs("demo", school.id(), posture(school.details(), 0.93), now);
		}
	}

	private SecurityPosture posture(SchoolDetails school, double good) {
		int population = school.students() + school.staff();
		int needed = population < 100 ? 1 : population <= 1000 ? 2 : 2 + (population - 1000) / 500;
		int guards = Math.max(0, needed - (chance(good) ? 0 : 1) + (random.nextDouble() < 0.2 ? 1 : 0));
		List<Guard> list = new ArrayList<>();
		for (int i = 0; i < guards; i++) {
			LocalDate birth = LocalDate.of(1960 + random.nextInt(38), 1 + random.nextInt(12), 1 + random.nextInt(28));
			String id = "320402" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000))
					+ random.nextInt(10);
			list.add(new Guard(SURNAMES.charAt(random.nextInt(SURNAMES.length())) + "保安" + (i + 1), id,
					chance(good) ? "苏保" + String.format("%08d", random.nextInt(100_000_000)) : null, birth, chance(0.9),
					"常州市保安服务有限公司"));
		}
		Map<Equipment, Integer> equipment = new EnumMap<>(Equipment.class);
		for (Equipment kind : List.of(Equipment.STEEL_FORK, Equipment.RUBBER_BATON, Equipment.TEAR_GAS_SPRAY,
				Equipment.STAB_VEST, Equipment.HELMET)) {
			equipment.put(kind, chance(good) ? 1 + random.nextInt(4) : 0);
		}
		boolean rural = school.locality() == cn.hxay.school.Locality.RURAL;
		BigDecimal wall = BigDecimal
			.valueOf(rural && !chance(good) ? 1.6 + random.nextInt(4) / 10.0 : 2.0 + random.nextInt(10) / 10.0);
		return new SecurityPosture(chance(good), "副校长", chance(good), chance(good), chance(good), chance(good),
				chance(good), chance(good), population >= 1500 && chance(good), list,
				school.boarding() ? (chance(good) ? 1 + random.nextInt(4) : 0) : 0, equipment, chance(good + 0.03),
				chance(good), PerimeterType.WALL, wall, chance(good), chance(good), chance(good), chance(good - 0.1),
				chance(good - 0.1), chance(good), chance(good + 0.03), school.boarding() ? chance(good) : null,
				chance(good - 0.05), 8 + random.nextInt(120),
				chance(good) ? 30 + random.nextInt(61) : 7 + random.nextInt(20), chance(good - 0.03), chance(good),
				chance(good), chance(good));
	}

	private boolean chance(double probability) {
		return random.nextDouble() < probability;
	}

}
