package cn.hxay.alarm.outages;

import java.time.Clock;

import org.springframework.context.ApplicationContext;

/**
 * A run of a node's outage watch for tests outside this package (the watch itself is the
 * package's own).
 */
public final class OutageWatchRuns {

	private OutageWatchRuns() {
	}

	/**
	 * Runs the watch of the node whose context is given; returns the outages it opened.
	 */
	public static int detect(ApplicationContext node, Clock at) {
		return node.getBean(OutageWatch.class).detect(at);
	}

}
