package cn.hxay.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.hxay.identity.Role;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.RegionLevel;
import cn.hxay.school.Locality;
import cn.hxay.school.Ownership;
import cn.hxay.school.SchoolDetails;
import cn.hxay.school.SchoolKind;

/**
 * Generates the demo city. The same seed always gives the same city, school for school.
 */
class DemoCity {

	static final String PROVINCE = "320000";

	static final String CITY = "320400";

	record County(String code, String name, String policeBureau, double longitude, double latitude, int schools,
			double[] locality, List<String> towns) {
	}

	static final List<County> COUNTIES = List.of(
			new County("320402", "天宁区", "常州市公安局天宁分局", 119.99, 31.78, 70, new double[] { 0.92, 0.08, 0 },
					List.of("青龙街道", "雕庄街道", "红梅街道", "天宁街道", "茶山街道")),
			new County("320404", "钟楼区", "常州市公安局钟楼分局", 119.90, 31.80, 70, new double[] { 0.90, 0.10, 0 },
					List.of("五星街道", "永红街道", "北港街道", "西林街道", "荷花池街道")),
			new County("320411", "新北区", "常州市公安局新北分局", 119.97, 31.87, 110, new double[] { 0.45, 0.40, 0.15 },
					List.of("三井街道", "河海街道", "新桥街道", "薛家镇", "罗溪镇", "西夏墅镇", "孟河镇")),
			new County("320412", "武进区", "常州市公安局武进分局", 119.94, 31.70, 170, new double[] { 0.40, 0.45, 0.15 },
					List.of("湖塘镇", "牛塘镇", "南夏墅街道", "西湖街道", "洛阳镇", "遥观镇", "横林镇", "横山桥镇", "雪堰镇", "前黄镇", "礼嘉镇")),
			new County("320413", "金坛区", "常州市公安局金坛分局", 119.58, 31.72, 80, new double[] { 0.25, 0.45, 0.30 },
					List.of("金城镇", "儒林镇", "指前镇", "朱林镇", "薛埠镇", "直溪镇")),
			new County("320481", "溧阳市", "溧阳市公安局", 119.48, 31.42, 100, new double[] { 0.25, 0.45, 0.30 },
					List.of("溧城街道", "埭头镇", "上黄镇", "戴埠镇", "天目湖镇", "别桥镇", "社渚镇")));

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钱";

	private static final String GIVEN = "建国志强秀英丽娟伟明海燕春华文军晓东红梅国平玉兰永刚桂芳立新德胜淑珍敏杰小红俊峰雪梅";

	private static final String[] KINDERGARTEN_NAMES = { "中心", "实验", "第一", "第二", "阳光", "启明", "育英", "蓓蕾", "童乐", "新城",
			"星河", "春晖", "小天使", "金色童年", "彩虹", "博爱" };

	private static final String[] SCHOOL_NAMES = { "中心", "实验", "第一", "第二", "第三", "育才", "新区", "东城", "西城", "文昌", "明德",
			"阳湖", "龙城", "朝阳", "紫云", "梧桐" };

	private static final String[] CAMPUSES = { "东校区", "西校区", "南校区", "北校区", "新城校区", "分部" };

	/**
	 * Where the generated city goes: the platform's APIs at start-up, or a recorder in
	 * tests that checks the generation is deterministic.
	 */
	interface Sink {

		void region(String code, String name, RegionLevel level, String parentCode);

		long unit(String name, OrganisationKind kind, String regionCode, Long parentId);

		void user(String username, String displayName, long unitId, Role role, String phone);

		/** Registers a school and returns its own unit's id. */
		long school(SchoolDetails details);

	}

	private final Sink sink;

	private final Random random;

	DemoCity(Sink sink, long seed) {
		this.sink = sink;
		this.random = new Random(seed);
	}

	/**
	 * Builds the whole city; call inside one transaction. Returns the number of schools.
	 */
	int build() {
		sink.region(PROVINCE, "江苏省", RegionLevel.PROVINCE, null);
		sink.region(CITY, "常州市", RegionLevel.CITY, PROVINCE);
		long platform = sink.unit("常州市护校安园平台运维中心", OrganisationKind.PLATFORM, CITY, null);
		long cityEducation = sink.unit("常州市教育局", OrganisationKind.CITY_EDUCATION_BUREAU, CITY, null);
		long cityPolice = sink.unit("常州市公安局", OrganisationKind.CITY_PUBLIC_SECURITY_BUREAU, CITY, null);
		user(DemoUsers.ADMIN, "平台管理员", platform, Role.SYSTEM_ADMIN);
		user(DemoUsers.CITY_EDUCATION, "市教育局安稳处", cityEducation, Role.CITY_EDUCATION_ADMIN);
		user(DemoUsers.CITY_POLICE, "市公安局内保支队", cityPolice, Role.CITY_POLICE);
		user(DemoUsers.INSPECTOR, "市督导员", cityEducation, Role.INSPECTOR);
		int count = 0;
		int codeSequence = 0;
		for (County county : COUNTIES) {
			sink.region(county.code(), county.name(), RegionLevel.COUNTY, CITY);
			long bureau = sink.unit(county.name() + "教育局", OrganisationKind.COUNTY_EDUCATION_BUREAU, county.code(),
					cityEducation);
			long police = sink.unit(county.policeBureau(), OrganisationKind.COUNTY_PUBLIC_SECURITY_BUREAU,
					county.code(), cityPolice);
			List<long[]> stations = new ArrayList<>();
			List<String> towns = new ArrayList<>();
			for (String town : county.towns()) {
				String shortName = town.replace("街道", "").replace("镇", "");
				long station = sink.unit(shortName + "派出所", OrganisationKind.POLICE_STATION, county.code(), police);
				long township = sink.unit(town + "综治办", OrganisationKind.TOWNSHIP, county.code(), null);
				stations.add(new long[] { station, township });
				towns.add(shortName);
			}
			if (county.code().equals("320402")) {
				user(DemoUsers.COUNTY_EDUCATION, "天宁区教育局安全科", bureau, Role.COUNTY_EDUCATION_ADMIN);
				user(DemoUsers.COUNTY_POLICE, "天宁分局治安大队", police, Role.COUNTY_POLICE);
				user(DemoUsers.STATION_OFFICER, "青龙派出所社区民警", stations.get(0)[0], Role.STATION_OFFICER);
			}
			if (county.code().equals("320412")) {
				user(DemoUsers.OTHER_COUNTY_EDUCATION, "武进区教育局安全科", bureau, Role.COUNTY_EDUCATION_ADMIN);
			}
			Set<String> names = new HashSet<>();
			for (int i = 0; i < county.schools(); i++) {
				int at = i < stations.size() ? i : random.nextInt(stations.size());
				String code = "3" + county.code().substring(2) + String.format("%05d", ++codeSequence);
				SchoolDetails details = school(county, towns.get(at), code, bureau, stations.get(at)[0],
						stations.get(at)[1], names);
				long schoolUnit = sink.school(details);
				if (county.code().equals("320402") && i == 0) {
					user(DemoUsers.SCHOOL_LEAD, "学校保卫干部", schoolUnit, Role.SCHOOL_SAFETY_LEAD);
				}
				count++;
			}
		}
		return count;
	}

	private SchoolDetails school(County county, String town, String code, long bureau, long station, long township,
			Set<String> names) {
		SchoolKind kind = pick(
				new SchoolKind[] { SchoolKind.KINDERGARTEN, SchoolKind.PRIMARY, SchoolKind.JUNIOR_SECONDARY,
						SchoolKind.SENIOR_SECONDARY, SchoolKind.NINE_YEAR, SchoolKind.COMPLETE_SECONDARY,
						SchoolKind.VOCATIONAL, SchoolKind.SPECIAL_EDUCATION },
				new double[] { 0.40, 0.30, 0.13, 0.05, 0.05, 0.02, 0.03, 0.02 });
		Locality locality = pick(Locality.values(), county.locality());
		boolean isPrivate = random.nextDouble() < (kind == SchoolKind.KINDERGARTEN ? 0.45 : 0.08);
		int students = switch (kind) {
			case KINDERGARTEN -> between(60, 450);
			case PRIMARY -> locality == Locality.RURAL ? between(80, 900) : between(400, 2800);
			case JUNIOR_SECONDARY -> between(300, 2000);
			case SENIOR_SECONDARY -> between(800, 3000);
			case NINE_YEAR -> between(500, 2500);
			case COMPLETE_SECONDARY -> between(1000, 3500);
			case VOCATIONAL -> between(800, 5000);
			case SPECIAL_EDUCATION -> between(40, 200);
		};
		double boardingChance = switch (kind) {
			case KINDERGARTEN -> 0.02;
			case PRIMARY -> locality == Locality.RURAL ? 0.15 : 0.02;
			case JUNIOR_SECONDARY, NINE_YEAR -> locality == Locality.URBAN ? 0.10 : 0.40;
			case SENIOR_SECONDARY -> 0.70;
			case COMPLETE_SECONDARY -> 0.60;
			case VOCATIONAL -> 0.80;
			case SPECIAL_EDUCATION -> 0.50;
		};
		boolean boarding = random.nextDouble() < boardingChance;
		int boarders = boarding ? (int) Math.round(students * (0.2 + random.nextDouble() * 0.7)) : 0;
		int perTeacher = switch (kind) {
			case KINDERGARTEN -> 8;
			case SPECIAL_EDUCATION -> 3;
			case PRIMARY -> 16;
			default -> 12;
		};
		int staff = Math.max(3, students / perTeacher + between(2, 15));
		String name = uniqueName(county, town, kind, isPrivate, names);
		BigDecimal longitude = BigDecimal.valueOf(county.longitude() + (random.nextDouble() - 0.5) * 0.12)
			.setScale(6, RoundingMode.HALF_UP);
		BigDecimal latitude = BigDecimal.valueOf(county.latitude() + (random.nextDouble() - 0.5) * 0.10)
			.setScale(6, RoundingMode.HALF_UP);
		String address = "常州市" + county.name() + town
				+ pick(new String[] { "人民路", "解放路", "育才路", "文化路", "建设路", "长江路", "和平路", "青年路" }, null) + between(1, 399)
				+ "号";
		boolean keyUnit = (students >= 1000 || boarding) && random.nextDouble() < 0.7;
		return new SchoolDetails(code, name, kind, isPrivate ? Ownership.PRIVATE : Ownership.PUBLIC, locality, boarding,
				students, boarders, staff, address, longitude, latitude, person(), phone(), person(), phone(), bureau,
				station, township, keyUnit, random.nextDouble() < 0.97);
	}

	private String uniqueName(County county, String town, SchoolKind kind, boolean isPrivate, Set<String> names) {
		String prefix = county.name().equals("溧阳市") ? "溧阳市" : "常州市" + county.name();
		for (int attempt = 0;; attempt++) {
			String base = switch (kind) {
				case KINDERGARTEN -> town + pick(KINDERGARTEN_NAMES, null) + "幼儿园";
				case PRIMARY -> town + pick(SCHOOL_NAMES, null) + "小学";
				case JUNIOR_SECONDARY -> town + pick(SCHOOL_NAMES, null) + "初级中学";
				case SENIOR_SECONDARY ->
					prefix + pick(new String[] { "第一", "第二", "第三", "第四", "第五", "实验", "高级" }, null) + "高级中学";
				case NINE_YEAR -> town + pick(SCHOOL_NAMES, null) + "学校";
				case COMPLETE_SECONDARY -> prefix + pick(SCHOOL_NAMES, null) + "中学";
				case VOCATIONAL -> prefix + pick(new String[] { "职业教育中心", "中等专业学校", "技工学校", "卫生学校" }, null);
				case SPECIAL_EDUCATION -> prefix + pick(new String[] { "特殊教育学校", "启智学校", "培智学校" }, null);
			};
			String name = isPrivate && kind != SchoolKind.KINDERGARTEN ? base.replace(town, town + "民办") : base;
			if (attempt > 0) {
				// a second school of the same name in one county gets a campus name, as
				// real ones do
				String campus = attempt <= CAMPUSES.length ? CAMPUSES[attempt - 1] : "第" + attempt + "校区";
				name = name + "(" + campus + ")";
			}
			if (names.add(name)) {
				return name;
			}
		}
	}

	private void user(String username, String displayName, long unit, Role role) {
		sink.user(username, displayName, unit, role, phone());
	}

	private String person() {
		int given = random.nextInt(GIVEN.length() / 2) * 2;
		return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.substring(given, given + 2);
	}

	private String phone() {
		return "13" + between(0, 9) + String.format("%08d", random.nextInt(100_000_000));
	}

	private int between(int low, int high) {
		return low + random.nextInt(high - low + 1);
	}

	private <T> T pick(T[] values, double[] weights) {
		if (weights == null) {
			return values[random.nextInt(values.length)];
		}
		double roll = random.nextDouble();
		double sum = 0;
		for (int i = 0; i < values.length; i++) {
			sum += weights[i];
			if (roll < sum) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

}
