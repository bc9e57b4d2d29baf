package cn.hxay.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.hxay.posture.Guard;
import cn.hxay.posture.SecurityPosture;
import cn.hxay.school.Locality;
import cn.hxay.school.Ownership;
import cn.hxay.school.SchoolDetails;
import cn.hxay.school.SchoolKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard-staffing rules as shipped (the JSON files under compliance/rule-sets), each
 * row citing the clause it tests, with the boundaries where the count changes.
 */
class StaffingRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	/**
	 * 桂政办发〔2018〕113号 二(二)2 (seed 003): staff + students < 100 → 1; 100–1000 → 2; above
	 * 1000, +1 per full 500; boarding: at least 2 and +1 per full 300 boarders.
	 */
	@ParameterizedTest(name = "广西 师生 {0} 寄宿生 {1} → {2} 名")
	@CsvSource({ "99, 0, 1", "100, 0, 2", "1000, 0, 2", "1001, 0, 2", "1499, 0, 2", "1500, 0, 3", "2000, 0, 4",
			"1620, 0, 3", "1620, 350, 4", "80, 40, 2", "500, 299, 2", "500, 300, 3", "500, 600, 4" })
	void guangxi2018(int people, int boarders, int guards) {
		assertThat(required("guangxi-2018.json", "GX-HUM-01",
				school(people, boarders, Locality.URBAN, SchoolKind.PRIMARY, Ownership.PUBLIC)))
			.isEqualTo(guards);
	}

	@ParameterizedTest(name = "GB/T 29315-2022 走读生 {0} → {1} 名")
	@CsvSource({ "99, 1", "100, 2", "999, 2", "1000, 3", "1499, 3", "1500, 4", "2600, 6" })
	void nationalStandard2022CountsNonBoardingStudents(int students, int guards) {
		// staff are 0 here so that only the non-boarding students count (GB/T 29315-2022
		// 人力防范要求)
		SchoolDetails school = new SchoolDetails("3204020001", "测试", SchoolKind.PRIMARY, Ownership.PUBLIC,
				Locality.URBAN, false, students, 0, 0, null, null, null, null, null, null, null, 1L, 2L, null, false,
				true);
		assertThat(required("national.json", "NAT-HUM-02", school)).isEqualTo(guards);
	}

	/**
	 * Fuqing 2020 bands over staff + students, +1 per boarding school (standards.md §1h).
	 */
	@ParameterizedTest(name = "福清 师生 {0} 寄宿 {1} → {2} 名")
	@CsvSource({ "199, false, 1", "200, false, 2", "499, false, 2", "500, false, 3", "999, false, 3", "1000, false, 4",
			"1999, false, 4", "2000, false, 5", "9000, false, 5", "300, true, 3" })
	void fuqing2020Bands(int people, boolean boarding, int guards) {
		assertThat(required("fuqing-2020.json", "FQ-HUM-01",
				school(people, boarding ? 50 : 0, Locality.TOWN, SchoolKind.JUNIOR_SECONDARY, Ownership.PUBLIC)))
			.isEqualTo(guards);
	}

	/**
	 * 佳木斯意见 二(三)2 (seed 002): urban 3, private kindergartens and rural schools at least
	 * 2.
	 */
	@ParameterizedTest(name = "佳木斯 {0} {1} {2}: 规则 {3} → {4}")
	@CsvSource({ "URBAN, PRIMARY, PUBLIC, JMS-HUM-01, 3", "TOWN, PRIMARY, PUBLIC, JMS-HUM-01, 3",
			"RURAL, PRIMARY, PUBLIC, JMS-HUM-03, 2", "URBAN, KINDERGARTEN, PRIVATE, JMS-HUM-02, 2" })
	void jiamusiFlatMinima(Locality locality, SchoolKind kind, Ownership ownership, String rule, int guards) {
		assertThat(required("jiamusi.json", rule, school(300, 0, locality, kind, ownership))).isEqualTo(guards);
	}

	/**
	 * 佳木斯意见 二(三)2: a security department above 1500 people (urban/town) or 1000 (rural).
	 */
	@ParameterizedTest(name = "佳木斯保卫机构 {0} 师生 {1}: {2} 适用 = {3}")
	@CsvSource({ "URBAN, 1499, JMS-ORG-01, false", "URBAN, 1500, JMS-ORG-01, true", "URBAN, 1501, JMS-ORG-01, true",
			"RURAL, 999, JMS-ORG-02, false", "RURAL, 1000, JMS-ORG-02, true" })
	void jiamusiSecurityDepartmentThresholds(Locality locality, int people, String rule, boolean applies) {
		Finding finding = finding("jiamusi.json", rule,
				school(people, 0, locality, SchoolKind.PRIMARY, Ownership.PUBLIC), SecurityPosture.unreported());
		assertThat(finding.status() != ComplianceStatus.NOT_APPLICABLE).isEqualTo(applies);
	}

	/** 国办发〔2017〕35号 §三(十): at least one full-time guard, whatever the size. */
	@ParameterizedTest(name = "35号 {0} 名专职 → {1}")
	@CsvSource({ "0, NON_COMPLIANT", "1, COMPLIANT" })
	void state2017AtLeastOneFullTimeGuard(int fullTime, ComplianceStatus status) {
		Finding finding = finding("national.json", "NAT-HUM-01",
				school(40, 0, Locality.RURAL, SchoolKind.KINDERGARTEN, Ownership.PUBLIC), withGuards(fullTime, 1));
		assertThat(finding.status()).isEqualTo(status);
	}

	@org.junit.jupiter.api.Test
	void explanationShowsTheArithmeticOfTheIssueExample() {
		// 师生 1620 人，寄宿生 350 人：2 + 1 (620 over 1000 → one full 500) + 1 (350 boarders →
		// one full 300) = 4
		Finding finding = finding("guangxi-2018.json", "GX-HUM-01",
				school(1620, 350, Locality.URBAN, SchoolKind.JUNIOR_SECONDARY, Ownership.PUBLIC), withGuards(3, 0));
		assertThat(finding.status()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
		assertThat(finding.explanation()).isEqualTo(
				"师生 1620 人，寄宿生 350 人：基础 2 名 + 超出 1000 人部分每满 500 人 1 名 (+1) + 寄宿生每满 300 人 1 名 (+1) = 应配 4 名，现有专职 3 名，缺 1 名");
		assertThat(finding.source()).contains("桂政办发〔2018〕113号");
	}

	@org.junit.jupiter.api.Test
	void missingGuardListIsMissingDataNeverCompliant() {
		Finding finding = finding("guangxi-2018.json", "GX-HUM-01",
				school(50, 0, Locality.URBAN, SchoolKind.PRIMARY, Ownership.PUBLIC), SecurityPosture.unreported());
		assertThat(finding.status()).isEqualTo(ComplianceStatus.MISSING_DATA);
	}

	@org.junit.jupiter.api.Test
	void severalStaffingRulesTheHighestWins() {
		SchoolDetails school = school(1620, 350, Locality.URBAN, SchoolKind.JUNIOR_SECONDARY, Ownership.PUBLIC);
		List<Rule> rules = new ArrayList<>(read("national.json").rules());
		rules.addAll(read("guangxi-2018.json").rules());
		List<Finding> findings = ComplianceEngine.evaluate(school, withGuards(3, 0), rules, TODAY);
		Finding highest = findings.stream()
			.filter(f -> f.ruleId().equals(ComplianceEngine.HIGHEST_STAFFING))
			.findFirst()
			.orElseThrow();
		assertThat(highest.explanation()).contains("就高").doesNotContain("NAT-HUM-01：").contains("GX-HUM-01");
		assertThat(highest.required()).isEqualTo("应配专职保安员 4 名");
	}

	@org.junit.jupiter.api.Test
	void videoRetentionAndRuralWallsAreCheckedAgainstTheirNumbers() {
		SecurityPosture posture = new SecurityPosture(null, null, null, null, null, null, null, null, null, null, null,
				Map.of(), null, null, null, new java.math.BigDecimal("1.8"), null, null, null, null, null, null, null,
				null, null, null, 25, null, null, null, null);
		Finding video = finding("national.json", "NAT-TEC-04",
				school(300, 0, Locality.RURAL, SchoolKind.PRIMARY, Ownership.PUBLIC), posture);
		assertThat(video.status()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
		assertThat(video.explanation()).isEqualTo("视频保存天数应不少于 30 天，现为 25 天，差 5 天");
		Finding wall = finding("baicheng-2019.json", "BC-PHY-01",
				school(300, 0, Locality.RURAL, SchoolKind.PRIMARY, Ownership.PUBLIC), posture);
		assertThat(wall.explanation()).contains("应不少于 2 米").contains("1.8 米");
		Finding urbanWall = finding("baicheng-2019.json", "BC-PHY-01",
				school(300, 0, Locality.URBAN, SchoolKind.PRIMARY, Ownership.PUBLIC), posture);
		assertThat(urbanWall.status()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);
	}

	/**
	 * 佳木斯意见 二(三)2 names three groups: 城镇学校 3, 民办幼儿园 and 农村学校 at least 2. Each school
	 * falls in one group at most, so an urban private kindergarten needs 2, not 3.
	 */
	@org.junit.jupiter.api.Test
	void jiamusiGroupsNeverOverlap() {
		List<Rule> staffing = read("jiamusi.json").rules()
			.stream()
			.filter(r -> r.check() instanceof Check.Staffing)
			.toList();
		for (SchoolKind kind : SchoolKind.values()) {
			for (Ownership ownership : Ownership.values()) {
				for (Locality locality : Locality.values()) {
					SchoolDetails school = school(300, 0, locality, kind, ownership);
					List<String> applying = staffing.stream()
						.filter(r -> r.appliesTo().matches(school))
						.map(Rule::id)
						.toList();
					assertThat(applying).as("%s %s %s", kind, ownership, locality).hasSizeLessThanOrEqualTo(1);
				}
			}
		}
		List<Finding> urbanPrivateKindergarten = ComplianceEngine.evaluate(
				school(120, 0, Locality.URBAN, SchoolKind.KINDERGARTEN, Ownership.PRIVATE), withGuards(0, 2),
				read("jiamusi.json").rules(), TODAY);
		assertThat(urbanPrivateKindergarten).filteredOn(f -> f.ruleId().startsWith("JMS-HUM-0"))
			.filteredOn(f -> f.status() != ComplianceStatus.NOT_APPLICABLE && !f.ruleId().equals("JMS-HUM-05"))
			.extracting(Finding::ruleId, Finding::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("JMS-HUM-02", ComplianceStatus.COMPLIANT));
	}

	/** 佳木斯意见 二(三)2: 城镇学校要配备专职保卫干部 (not kindergartens, not rural schools). */
	@ParameterizedTest(name = "专职保卫干部 {0} {1}: 适用 = {2}")
	@CsvSource({ "URBAN, PRIMARY, true", "TOWN, JUNIOR_SECONDARY, true", "RURAL, PRIMARY, false",
			"URBAN, KINDERGARTEN, false" })
	void jiamusiUrbanSchoolsHaveAFullTimeSecurityCadre(Locality locality, SchoolKind kind, boolean applies) {
		Finding finding = finding("jiamusi.json", "JMS-HUM-05", school(300, 0, locality, kind, Ownership.PUBLIC),
				SecurityPosture.unreported());
		assertThat(finding.status() != ComplianceStatus.NOT_APPLICABLE).isEqualTo(applies);
		if (applies) {
			assertThat(finding.status()).isEqualTo(ComplianceStatus.MISSING_DATA);
			assertThat(finding.explanation()).contains("配备专职保卫干部");
		}
	}

	/**
	 * 就高不就低 compares like with like: full-time requirements against full-time guards,
	 * all-guard requirements against all guards; a combined line is never better than a
	 * line beneath it.
	 */
	@org.junit.jupiter.api.Test
	void combinedStaffingLinesCompareLikeWithLikeAndNeverContradictAComponent() {
		List<Rule> rules = new ArrayList<>(read("national.json").rules());
		rules.addAll(read("jiangsu-2020.json").rules());
		rules.addAll(read("jiamusi.json").rules());
		// 师生 1650: JS-HUM-01 asks 3 full-time; JMS-HUM-01 asks 3 guards of any kind
		SchoolDetails school = school(1650, 0, Locality.URBAN, SchoolKind.PRIMARY, Ownership.PUBLIC);
		List<Finding> findings = ComplianceEngine.evaluate(school, withGuards(1, 3), rules, TODAY);
		Finding fullTime = byId(findings, ComplianceEngine.HIGHEST_STAFFING);
		Finding all = byId(findings, ComplianceEngine.HIGHEST_ALL_GUARDS);
		assertThat(fullTime.required()).isEqualTo("应配专职保安员 3 名");
		assertThat(fullTime.actual()).isEqualTo("1 名");
		assertThat(fullTime.status()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
		assertThat(all.required()).startsWith("应配保安员 ");
		assertThat(all.actual()).isEqualTo("4 名");
		for (int fullTimeGuards = 0; fullTimeGuards <= 5; fullTimeGuards++) {
			for (int partTime = 0; partTime <= 5; partTime++) {
				for (int people : new int[] { 80, 150, 900, 1650, 2600 }) {
					List<Finding> each = ComplianceEngine.evaluate(
							school(people, 0, Locality.URBAN, SchoolKind.PRIMARY, Ownership.PUBLIC),
							withGuards(fullTimeGuards, partTime), rules, TODAY);
					for (Finding combined : each) {
						if (!combined.ruleId().startsWith("STAFFING-MAX")) {
							continue;
						}
						boolean fullTimeLine = combined.ruleId().equals(ComplianceEngine.HIGHEST_STAFFING);
						boolean componentFails = each.stream()
							.filter(f -> f.ruleId().matches("(NAT|JS|JMS)-HUM-0\\d") && f.required() != null
									&& f.required().startsWith("应配") && f.required().startsWith("应配专职") == fullTimeLine)
							.anyMatch(f -> f.status() == ComplianceStatus.NON_COMPLIANT);
						if (componentFails) {
							assertThat(combined.status())
								.as("%s with %d+%d guards, %d people", combined.ruleId(), fullTimeGuards, partTime,
										people)
								.isEqualTo(ComplianceStatus.NON_COMPLIANT);
						}
					}
				}
			}
		}
	}

	/**
	 * GB/T 29315-2022's 100–999 tier (2 guards) was inferred by the project: a school
	 * that meets its region's explicit rule (福清: under 200 people, 1 guard) is not failed
	 * by it, only advised; the tiers read in the source still fail.
	 */
	@org.junit.jupiter.api.Test
	void anInferredTierIsAdvisoryAndNeverFailsASchoolAlone() {
		List<Rule> rules = new ArrayList<>(read("national.json").rules());
		rules.addAll(read("fuqing-2020.json").rules());
		rules.removeIf(r -> !(r.check() instanceof Check.Staffing));
		List<Finding> findings = ComplianceEngine.evaluate(
				school(150, 0, Locality.TOWN, SchoolKind.PRIMARY, Ownership.PUBLIC), withGuards(1, 0), rules, TODAY);
		assertThat(byId(findings, "NAT-HUM-02").status()).isEqualTo(ComplianceStatus.ADVISORY);
		assertThat(byId(findings, "NAT-HUM-02").explanation()).contains("推断");
		assertThat(byId(findings, "FQ-HUM-01").status()).isEqualTo(ComplianceStatus.COMPLIANT);
		assertThat(findings).noneMatch(f -> f.status() == ComplianceStatus.NON_COMPLIANT);
		Finding all = byId(findings, ComplianceEngine.HIGHEST_ALL_GUARDS);
		assertThat(all.status()).isEqualTo(ComplianceStatus.ADVISORY);
		assertThat(all.explanation()).contains("FQ-HUM-01").contains("另有推断的较高要求 NAT-HUM-02");
		// the 1000-and-above tier is read in the source: a shortfall there fails
		SchoolDetails large = new SchoolDetails("3204020001", "测试", SchoolKind.PRIMARY, Ownership.PUBLIC,
				Locality.URBAN, false, 1200, 0, 0, null, null, null, null, null, null, null, 1L, 2L, null, false, true);
		assertThat(finding("national.json", "NAT-HUM-02", large, withGuards(2, 0)).status())
			.isEqualTo(ComplianceStatus.NON_COMPLIANT);
	}

	/**
	 * Citations name a document and clause: no internal notes anywhere, and the national
	 * set cites national sources only (local notices live in their own sets).
	 */
	@org.junit.jupiter.api.Test
	void everyShippedCitationNamesADocumentAndNationalRulesCiteNationalSources() throws Exception {
		String[] files = new java.io.File(StaffingRulesTests.class.getResource("/compliance/rule-sets").toURI())
			.list((dir, name) -> name.endsWith(".json"));
		assertThat(files).hasSizeGreaterThanOrEqualTo(8);
		for (String file : files) {
			for (Rule rule : read(file).rules()) {
				assertThat(rule.source()).as(rule.id()).doesNotContain("standards.md", "推断", "§1h");
			}
		}
		for (Rule rule : read("national.json").rules()) {
			assertThat(rule.source()).as(rule.id())
				.matches("^(国办发|GB/T|GB |公安部令|公安部、教育部|《保安服务管理条例》).*")
				.doesNotContain("白城", "福清", "桂林", "常州", "佳木斯", "连区");
		}
	}

	private static Finding byId(List<Finding> findings, String id) {
		return findings.stream()
			.filter(f -> f.ruleId().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError(id));
	}

	static SchoolDetails school(int people, int boarders, Locality locality, SchoolKind kind, Ownership ownership) {
		int staff = people / 10;
		return new SchoolDetails("3204020001", "测试学校", kind, ownership, locality, boarders > 0, people - staff,
				boarders, staff, null, null, null, null, null, null, null, 1L, 2L, null, false, true);
	}

	static SecurityPosture withGuards(int fullTime, int partTime) {
		List<Guard> guards = new ArrayList<>();
		for (int i = 0; i < fullTime + partTime; i++) {
			guards.add(new Guard("保安" + i, null, "证" + i, LocalDate.of(1980, 1, 1), i < fullTime, "保安公司"));
		}
		return new SecurityPosture(null, null, null, null, null, null, null, null, null, guards, null, Map.of(), null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	static int required(String file, String ruleId, SchoolDetails school) {
		String required = finding(file, ruleId, school, withGuards(0, 0)).required();
		return Integer.parseInt(required.replaceAll("[^0-9]", ""));
	}

	static Finding finding(String file, String ruleId, SchoolDetails school, SecurityPosture posture) {
		Rule rule = read(file).rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
		return ComplianceEngine.evaluate(school, posture, List.of(rule), TODAY).get(0);
	}

	static RuleSet read(String file) {
		try (InputStream in = StaffingRulesTests.class.getResourceAsStream("/compliance/rule-sets/" + file)) {
			return new RuleSetReader(JsonMapper.builder().build()).read(file,
					new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
