package cn.hxay.patrol;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;
import cn.hxay.school.School;
import cn.hxay.shared.PlatformTime;

import org.springframework.stereotype.Component;

/**
 * Patrols on the start page: for a school, today's flagged rounds (漏检 or too fast; the
 * list at {@code /patrols#flagged}); for bureaus and police, the schools whose patrols of
 * yesterday fell short of their plan (the list {@code /patrols?day=…&shortOnly=true}).
 */
@Component
class PatrolTodos implements StartPageTodos {

	private final Patrols patrols;

	private final Clock clock;

	PatrolTodos(Patrols patrols, Clock clock) {
		this.patrols = patrols;
		this.clock = clock;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		List<Tile> tiles = new ArrayList<>();
		LocalDate today = PlatformTime.today(clock);
		if (ownSchoolId != null) {
			School school = patrols.ownSchool(user, scope).orElse(null);
			if (school != null) {
				tiles.add(Tile.count("patrol-flagged", "本校今日巡更漏检", patrols.day(school, today).flaggedRounds().size(),
						"/patrols#flagged", "漏检点位或过快的巡更轮次", true));
			}
		}
		else {
			LocalDate yesterday = today.minusDays(1);
			long shortSchools = patrols.statuses(scope, yesterday).stream().filter(s -> !s.met()).count();
			tiles.add(Tile.count("patrol-short", "昨日巡更未达标学校", shortSchools,
					"/patrols?day=" + yesterday + "&shortOnly=true", "有效轮次少于巡更计划", true));
		}
		return tiles;
	}

}
