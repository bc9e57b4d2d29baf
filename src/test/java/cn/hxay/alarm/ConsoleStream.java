package cn.hxay.alarm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import cn.hxay.support.WebSession;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A police console's live feed ({@code /console/stream}) read as a browser would, for
 * tests: every alarm event is kept with the moment ({@code System.nanoTime()}) it
 * arrived, by its SSE id {@code alarmId-version}.
 */
public final class ConsoleStream implements AutoCloseable {

	public record Event(long alarmId, int version, long arrivedNanos) {
	}

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final Map<Long, Long> firstArrival = new ConcurrentHashMap<>();

	private final HttpResponse<Stream<String>> response;

	private volatile boolean hello;

	private ConsoleStream(HttpResponse<Stream<String>> response) {
		this.response = response;
		Thread reader = new Thread(() -> {
			try {
				response.body().forEach(this::line);
			}
			catch (RuntimeException ex) {
				// closed at the end of the test, or the node went away
			}
		}, "console-stream-reader");
		reader.setDaemon(true);
		reader.start();
	}

	/** Opens the stream with the session of a signed-in police user. */
	public static ConsoleStream open(int port, WebSession session) throws Exception {
		String cookie = session.cookie("HXAYSESSION").orElseThrow().getValue();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/stream"))
			.header("Cookie", "HXAYSESSION=" + cookie)
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		ConsoleStream stream = new ConsoleStream(response);
		await("hello on the console stream").atMost(Duration.ofSeconds(10)).until(() -> stream.hello);
		return stream;
	}

	private void line(String line) {
		long now = System.nanoTime();
		if (line.startsWith("event:hello")) {
			hello = true;
		}
		else if (line.startsWith("id:")) {
			String[] parts = line.substring(3).strip().split("-");
			long id = Long.parseLong(parts[0]);
			events.add(new Event(id, Integer.parseInt(parts[1]), now));
			firstArrival.putIfAbsent(id, now);
		}
	}

	/** Every alarm event received so far, in order of arrival. */
	public List<Event> events() {
		return List.copyOf(events);
	}

	/** When the first event of an alarm arrived, or null. */
	public Long arrival(long alarmId) {
		return firstArrival.get(alarmId);
	}

	/** How many events announced this alarm as new (version 0). */
	public long newEvents(long alarmId) {
		return events.stream().filter(e -> e.alarmId() == alarmId && e.version() == 0).count();
	}

	@Override
	public void close() {
		response.body().close();
	}

}
