package cn.hxay.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a few requests work at a time and the others wait their turn, first come first
 * served. Without it every request of a busy moment runs at once (Tomcat's 200 threads):
 * the two cores are shared among all of them, so every page takes as long as the whole
 * crowd, and the heavier pages far longer. In a queue a page waits its turn and then runs
 * nearly alone: on a deadline day 200 officials each wait about the same, not a few of
 * them many times longer than the rest.
 *
 * <p>
 * The session, sign-in check and page all run inside the turn (this filter comes before
 * them). Static files, the console's live feed and file downloads (which may be held by a
 * slow connection) do not queue. A request that has waited
 * {@code hxay.web.admission-wait} goes ahead anyway: the queue orders work, it never
 * refuses it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestAdmission extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestAdmission.class);

	private final Semaphore turns;

	private final long waitNanos;

	private final AtomicLong waitedTooLong = new AtomicLong();

	RequestAdmission(@Value("${hxay.web.concurrent-requests:0}") int concurrent,
			@Value("${hxay.web.admission-wait:10s}") Duration wait) {
		int permits = concurrent > 0 ? concurrent : Math.max(4, 3 * Runtime.getRuntime().availableProcessors());
		this.turns = new Semaphore(permits, true);
		this.waitNanos = wait.toNanos();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/geo/") || path.startsWith("/actuator/") || path.equals("/console/stream")
				|| path.endsWith(".xlsx") || path.endsWith(".pdf") || path.endsWith("/export");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean admitted;
		try {
			admitted = turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServletException("interrupted while waiting for a turn", ex);
		}
		if (!admitted && waitedTooLong.incrementAndGet() % 100 == 1) {
			log.warn("请求排队超过 {} 秒，已直接处理（累计 {} 次）：并发请求数 hxay.web.concurrent-requests 可能过小",
					TimeUnit.NANOSECONDS.toSeconds(waitNanos), waitedTooLong.get());
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (admitted) {
				turns.release();
			}
		}
	}

}
