package cn.hxay.alarm.console;

import cn.hxay.alarm.Alarms;

import java.time.Clock;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds escalates alarms left unacknowledged, or acknowledged but not worked,
 * for longer than configured. Safe on many nodes: {@link Alarms#escalate(Clock)} takes
 * the cluster lock {@code alarm.escalation}.
 */
@Component
@EnableScheduling
class EscalationJob {

	private final Alarms alarms;

	private final Clock clock;

	EscalationJob(Alarms alarms, Clock clock) {
		this.alarms = alarms;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${hxay.alarm.escalation-check:10s}", initialDelayString = "10s")
	void run() {
		alarms.escalate(clock);
	}

}
