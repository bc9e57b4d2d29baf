package cn.hxay.demo;

import java.util.ArrayList;
import java.util.List;

import cn.hxay.identity.Role;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.RegionLevel;
import cn.hxay.school.SchoolDetails;
import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city is deterministic: the same seed gives the same city, school for school,
 * and that is the city the platform holds after its first start.
 */
@PlatformTest
class DemoCityTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSameSeedGivesTheSameCityAndAnotherSeedAnotherOne() {
		List<String> first = generate(20191125);
		List<String> again = generate(20191125);
		List<String> other = generate(7);
		assertThat(first).hasSize(600).isEqualTo(again);
		assertThat(other).hasSize(600).isNotEqualTo(first);
	}

	@Test
	void thePlatformHoldsExactlyTheGeneratedSchools() {
		List<String> generated = generate(20191125);
		String[] codes = generated.stream().map(line -> line.substring(0, 10)).toArray(String[]::new);
		List<String> stored = jdbc.sql("""
				select code || ' ' || name || ' ' || kind || ' ' || students || ' ' || boarders || ' ' || locality
				from school where code = any(?) order by code""").param(codes).query(String.class).list();
		assertThat(stored).isEqualTo(generated.stream().sorted().toList());
	}

	private static List<String> generate(long seed) {
		List<String> schools = new ArrayList<>();
		long[] ids = { 0 };
		new DemoCity(new DemoCity.Sink() {
			@Override
			public void region(String code, String name, RegionLevel level, String parentCode) {
			}

			@Override
			public long unit(String name, OrganisationKind kind, String regionCode, Long parentId) {
				return ++ids[0];
			}

			@Override
			public void user(String username, String displayName, long unitId, Role role, String phone) {
			}

			@Override
			public long school(SchoolDetails d) {
				schools.add(d.code() + " " + d.name() + " " + d.kind() + " " + d.students() + " " + d.boarders() + " "
						+ d.locality());
				return ++ids[0];
			}
		}, seed).build();
		return schools;
	}

}
