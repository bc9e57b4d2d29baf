package cn.hxay.surroundings;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import cn.hxay.school.SchoolKind;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The rule table, the distance and the GCJ-02 transform on their own.
 */
class SurroundingsRulesTests {

	/**
	 * WGS-84 → GCJ-02 reference pairs (latitude, longitude) published with the reference
	 * implementation of the transform (eviltransform): Shanghai, Shenzhen, Beijing.
	 */
	private static final double[][] REFERENCE = { { 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215 },
			{ 22.543847, 113.912316, 22.540796131694766, 113.9171764808363 },
			{ 39.911954, 116.377817, 39.91334545536069, 116.38404722455657 } };

	@Test
	void gcj02MatchesTheReferencePointsAndInvertsToUnderAMetre() {
		for (double[] p : REFERENCE) {
			double[] gcj = Gcj02.fromWgs84(p[0], p[1]);
			assertThat(gcj[0]).isCloseTo(p[2], within(1e-9));
			assertThat(gcj[1]).isCloseTo(p[3], within(1e-9));
			double[] back = Gcj02.toWgs84(p[2], p[3]);
			assertThat(Distance.wholeMetres(back[0], back[1], p[0], p[1])).isZero();
			// and the shift itself is hundreds of metres: converting matters
			assertThat(Distance.wholeMetres(p[0], p[1], p[2], p[3])).isGreaterThan(200);
		}
		// 常州 (the demo city): the inverse undoes the forward transform to well under 1 m
		double[] gcj = Gcj02.fromWgs84(31.772, 119.947);
		double[] back = Gcj02.toWgs84(gcj[0], gcj[1]);
		assertThat(Math.abs(back[0] - 31.772) * 111_000).isLessThan(0.01);
		assertThat(Math.abs(back[1] - 119.947) * 95_000).isLessThan(0.01);
		// outside China nothing moves (Tokyo, London)
		assertThat(Gcj02.toWgs84(35.6895, 139.6917)).containsExactly(35.6895, 139.6917);
		assertThat(Gcj02.fromWgs84(51.5074, -0.1278)).containsExactly(51.5074, -0.1278);
	}

	@Test
	void distanceNorthOfAPointIsWhatWasAskedFor() {
		for (int metres : new int[] { 99, 100, 101, 199, 200, 201 }) {
			assertThat(Distance.wholeMetres(31.78, 119.95, Distance.northOf(31.78, metres), 119.95)).isEqualTo(metres);
		}
	}

	@Test
	void theBuiltInTableFlagsInternetCafesWithin200mAndGuangxiFoodStallsWithin100m() throws Exception {
		List<DistanceRule> rules = DistanceRules
			.read(new ClassPathResource("surroundings/rules.json").getInputStream());
		DistanceRule cafe = rules.stream()
			.filter(r -> r.venueType() == VenueType.INTERNET_CAFE)
			.findFirst()
			.orElseThrow();
		assertThat(cafe.minimumMetres()).isEqualTo(200);
		assertThat(cafe.citation()).contains("互联网上网服务营业场所管理条例").contains("第九条");
		assertThat(cafe.breachedAt(199)).isTrue();
		assertThat(cafe.breachedAt(200)).isTrue();
		assertThat(cafe.breachedAt(201)).isFalse();
		assertThat(cafe.appliesTo(VenueType.INTERNET_CAFE, SchoolKind.PRIMARY, "320402")).isTrue();
		assertThat(cafe.appliesTo(VenueType.INTERNET_CAFE, SchoolKind.JUNIOR_SECONDARY, "450102")).isTrue();
		assertThat(cafe.appliesTo(VenueType.INTERNET_CAFE, SchoolKind.KINDERGARTEN, "320402")).isFalse();
		assertThat(cafe.appliesTo(VenueType.SHOP, SchoolKind.PRIMARY, "320402")).isFalse();

		DistanceRule stall = rules.stream()
			.filter(r -> r.venueType() == VenueType.FOOD_STALL)
			.findFirst()
			.orElseThrow();
		assertThat(stall.citation()).contains("桂政办发〔2018〕113号");
		assertThat(stall.breachedAt(99)).isTrue();
		assertThat(stall.breachedAt(100)).isTrue();
		assertThat(stall.breachedAt(101)).isFalse();
		// Guangxi only: not the demo city 常州 (3204)
		assertThat(stall.appliesTo(VenueType.FOOD_STALL, SchoolKind.PRIMARY, "450102")).isTrue();
		assertThat(stall.appliesTo(VenueType.FOOD_STALL, SchoolKind.PRIMARY, "320402")).isFalse();
	}

	@Test
	void aBadTableIsRefusedAtStart() {
		String bad = """
				{"rules":[{"code":"X","regions":["32"],"venueType":"INTERNET_CAFE","minimumMetres":0,
				 "measure":"STRAIGHT_LINE","schoolKinds":[],"label":"","citation":""}]}""";
		assertThatThrownBy(() -> DistanceRules.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
			.hasMessageContaining("编号")
			.hasMessageContaining("距离")
			.hasMessageContaining("学校类型")
			.hasMessageContaining("依据");
		assertThat(Set.of(VenueType.values())).hasSize(9);
	}

}
