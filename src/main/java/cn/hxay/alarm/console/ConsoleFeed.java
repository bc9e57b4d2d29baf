package cn.hxay.alarm.console;

import cn.hxay.alarm.Alarm;
import cn.hxay.alarm.Alarms;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.hxay.organisation.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live console feed (server-sent events). A new or changed alarm is pushed to the
 * consoles connected to this node whose scope covers the school as soon as the database
 * announces it ({@link AlarmChangeListener}: PostgreSQL LISTEN/NOTIFY, fired in the
 * transaction that stores the alarm, so every node hears of an alarm any node stored). As
 * a fallback, should a notification be missed while the listening connection is
 * re-established, each node also polls the alarm table for rows changed in the last
 * seconds (by the database clock) at a longer interval; versions already pushed are not
 * pushed again.
 */
@Component
class ConsoleFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ConsoleFeed.class);

	/**
	 * How far back each poll looks at least; longer than any commit delay we expect (and
	 * three poll intervals when those are longer).
	 */
	static final int WINDOW_SECONDS = 10;

	private record Subscriber(SseEmitter emitter, DataScope scope) {
	}

	private final Alarms store;

	private final JsonMapper json;

	private final Duration interval;

	private final int window;

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	/** Versions already pushed by this node, of alarms inside the window. */
	private Map<Long, Integer> delivered = new HashMap<>();

	private long lastKeepAlive = System.nanoTime();

	private ScheduledExecutorService poller;

	ConsoleFeed(Alarms store, JsonMapper json, @Value("${hxay.alarm.console-poll:5s}") Duration interval) {
		this.store = store;
		this.json = json;
		this.interval = interval;
		this.window = (int) Math.max(WINDOW_SECONDS, interval.multipliedBy(3).toSeconds());
	}

	SseEmitter subscribe(DataScope scope) {
		SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		Subscriber subscriber = new Subscriber(emitter, scope);
		emitter.onCompletion(() -> subscribers.remove(subscriber));
		emitter.onTimeout(() -> subscribers.remove(subscriber));
		emitter.onError(ex -> subscribers.remove(subscriber));
		try {
			emitter.send(SseEmitter.event().name("hello").data("{}", MediaType.APPLICATION_JSON));
		}
		catch (IOException ex) {
			emitter.completeWithError(ex);
			return emitter;
		}
		subscribers.add(subscriber);
		return emitter;
	}

	int subscribers() {
		return subscribers.size();
	}

	/** The fallback: pushes what changed within the window and was not pushed yet. */
	synchronized void poll() {
		if (subscribers.isEmpty()) {
			delivered.clear();
			return;
		}
		List<Alarm> changed = store.changedRecently(window);
		push(changed);
		// forget what left the window; a notification handled after this poll's query
		// adds its alarm back, and one handled before is inside the query's result
		Set<Long> inWindow = new HashSet<>();
		changed.forEach(alarm -> inWindow.add(alarm.id()));
		delivered.keySet().retainAll(inWindow);
		if (System.nanoTime() - lastKeepAlive > Duration.ofSeconds(15).toNanos()) {
			lastKeepAlive = System.nanoTime();
			subscribers.forEach(s -> send(s, SseEmitter.event().comment("keep-alive")));
		}
	}

	/** The database announced changes to these alarms: pushes them as they are now. */
	synchronized void changed(Collection<Long> ids) {
		if (subscribers.isEmpty() || ids.isEmpty()) {
			return;
		}
		push(store.actionable(ids));
	}

	private void push(List<Alarm> alarms) {
		for (Alarm alarm : alarms) {
			Integer sent = delivered.get(alarm.id());
			if (sent != null && sent >= alarm.version()) {
				continue;
			}
			delivered.put(alarm.id(), alarm.version());
			String data = json.writeValueAsString(AlarmView.of(alarm));
			for (Subscriber subscriber : subscribers) {
				if (alarm.inScopeOf(subscriber.scope())) {
					send(subscriber,
							SseEmitter.event()
								.name("alarm")
								.id(alarm.id() + "-" + alarm.version())
								.data(data, MediaType.APPLICATION_JSON));
				}
			}
		}
	}

	private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
		try {
			subscriber.emitter().send(event);
		}
		catch (IOException | IllegalStateException ex) {
			subscribers.remove(subscriber);
		}
	}

	@Override
	public void start() {
		poller = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "console-feed");
			thread.setDaemon(true);
			return thread;
		});
		poller.scheduleWithFixedDelay(() -> {
			try {
				poll();
			}
			catch (RuntimeException ex) {
				log.warn("console feed poll failed: {}", ex.getMessage());
			}
		}, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (poller != null) {
			poller.shutdownNow();
			poller = null;
		}
		subscribers.forEach(s -> s.emitter().complete());
		subscribers.clear();
	}

	@Override
	public boolean isRunning() {
		return poller != null;
	}

}
