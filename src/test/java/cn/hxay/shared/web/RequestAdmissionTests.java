package cn.hxay.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request queue on its own, with real threads: two turns, requests held inside the
 * chain until the test lets them go. Its effect on a loaded platform is in the load
 * benchmark (README, Benchmarks).
 */
class RequestAdmissionTests {

	private final ExecutorService callers = Executors.newCachedThreadPool();

	private final List<String> entered = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		callers.shutdownNow();
	}

	@Test
	void requestsBeyondTheTurnsWaitAndGoInTheOrderTheyCame() throws Exception {
		RequestAdmission admission = new RequestAdmission(2, Duration.ofSeconds(30));
		CountDownLatch release = new CountDownLatch(1);
		Future<?> first = call(admission, "/schools", "a", release);
		Future<?> second = call(admission, "/hazards", "b", release);
		await().atMost(Duration.ofSeconds(5)).until(() -> entered.size() == 2);
		// the third and fourth queue, one after the other
		Future<?> third = call(admission, "/", "c", new CountDownLatch(0));
		await().pollDelay(Duration.ofMillis(100)).until(() -> true);
		Future<?> fourth = call(admission, "/compliance", "d", new CountDownLatch(0));
		await().pollDelay(Duration.ofMillis(300)).until(() -> true);
		assertThat(entered).containsExactlyInAnyOrder("a", "b");
		// static files and downloads never queue
		Future<?> file = call(admission, "/schools/export", "file", new CountDownLatch(0));
		Future<?> script = call(admission, "/js/app.js", "script", new CountDownLatch(0));
		file.get(5, TimeUnit.SECONDS);
		script.get(5, TimeUnit.SECONDS);
		assertThat(entered).containsExactlyInAnyOrder("a", "b", "file", "script");
		release.countDown();
		first.get(5, TimeUnit.SECONDS);
		second.get(5, TimeUnit.SECONDS);
		third.get(5, TimeUnit.SECONDS);
		fourth.get(5, TimeUnit.SECONDS);
		assertThat(entered.indexOf("c")).isLessThan(entered.indexOf("d"));
	}

	@Test
	void aRequestThatWaitedTooLongGoesAheadAnyway() throws Exception {
		RequestAdmission admission = new RequestAdmission(1, Duration.ofMillis(300));
		CountDownLatch release = new CountDownLatch(1);
		Future<?> holder = call(admission, "/schools", "holder", release);
		await().atMost(Duration.ofSeconds(5)).until(() -> entered.contains("holder"));
		long started = System.nanoTime();
		call(admission, "/hazards", "late", new CountDownLatch(0)).get(5, TimeUnit.SECONDS);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(250L, 3000L);
		assertThat(entered).containsExactly("holder", "late");
		release.countDown();
		holder.get(5, TimeUnit.SECONDS);
		// the turn given back: the next one goes straight in
		started = System.nanoTime();
		call(admission, "/", "next", new CountDownLatch(0)).get(5, TimeUnit.SECONDS);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(250L);
	}

	private Future<?> call(RequestAdmission admission, String path, String name, CountDownLatch release) {
		return callers.submit(() -> {
			FilterChain chain = (request, response) -> {
				entered.add(name);
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			};
			admission.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), chain);
			return null;
		});
	}

}
