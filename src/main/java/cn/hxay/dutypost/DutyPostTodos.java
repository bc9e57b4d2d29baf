package cn.hxay.dutypost;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.portal.StartPageTodos;
import cn.hxay.portal.Tile;
import cn.hxay.shared.PlatformTime;

import org.springframework.stereotype.Component;

/**
 * Police users' tile 今日护学岗缺岗: today's gaps not yet covered, counted from the same query
 * as the gap list it opens.
 */
@Component
class DutyPostTodos implements StartPageTodos {

	private final DutyPosts posts;

	private final Clock clock;

	DutyPostTodos(DutyPosts posts, Clock clock) {
		this.posts = posts;
		this.clock = clock;
	}

	@Override
	public List<Tile> tiles(CurrentUser user, DataScope scope, Long ownSchoolId) {
		if (!DutyPosts.isPolice(user)) {
			return List.of();
		}
		LocalDate today = PlatformTime.today(clock);
		long open = posts.gaps(user, scope, today, true).size();
		return List.of(Tile.count("dutypost-gaps", "今日护学岗缺岗", open, "/duty-posts/gaps?day=" + today + "&open=true",
				"铃响前 " + posts.gapMinutes() + " 分钟无人在岗，尚未补岗", true));
	}

}
