package cn.hxay.alarm.console;

import cn.hxay.alarm.Alarm;
import cn.hxay.alarm.AlarmStatistics;
import cn.hxay.alarm.AlarmStep;
import cn.hxay.alarm.Alarms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import cn.hxay.shared.PlatformTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alarms for police systems (HTTP Basic, police users, within their jurisdiction): the
 * open queue, the log, one alarm with its steps, and statistics.
 */
@RestController
@RequestMapping("/api/v1/alarms")
@Tag(name = "报警", description = "未处置报警队列、报警记录与统计；仅公安用户，只含其辖区学校")
class AlarmApiController {

	private final Alarms alarms;

	private final Clock clock;

	AlarmApiController(Alarms alarms, Clock clock) {
		this.alarms = alarms;
		this.clock = clock;
	}

	record AlarmDetail(Alarm alarm, List<AlarmStep> steps) {
	}

	@GetMapping
	@Operation(summary = "未处置的报警", description = "按优先级、再按接收时间排序")
	List<AlarmView> queue(CurrentUser user, DataScope scope) {
		return alarms.queue(user, scope).stream().map(AlarmView::of).toList();
	}

	@GetMapping("/log")
	@Operation(summary = "报警记录", description = "actionable=false 只看测试/恢复等仅记录的信号")
	Paged<AlarmView> log(CurrentUser user, DataScope scope, @RequestParam(required = false) Boolean actionable,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return alarms.log(user, scope, actionable, PageRequest.of(page, size)).map(AlarmView::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "一条报警及其处置记录 (含原始报文)")
	AlarmDetail get(@PathVariable long id, CurrentUser user, DataScope scope) {
		return new AlarmDetail(alarms.open(user, scope, id), alarms.steps(user, scope, id));
	}

	@GetMapping("/statistics")
	@Operation(summary = "报警统计", description = "近 days 天 (默认 30)：按类型、按处置结果、平均接警/到场用时、各校误报率")
	AlarmStatistics statistics(DataScope scope, @RequestParam(required = false) Integer days) {
		int period = days == null || days < 1 ? 30 : Math.min(days, 366);
		Instant from = PlatformTime.today(clock).minusDays(period - 1L).atStartOfDay(PlatformTime.ZONE).toInstant();
		return alarms.statistics(scope, from, clock.instant().plusSeconds(1));
	}

}
