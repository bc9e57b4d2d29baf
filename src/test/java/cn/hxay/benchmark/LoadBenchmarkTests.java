package cn.hxay.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import cn.hxay.compliance.Compliance;
import cn.hxay.inspection.InspectionFlowTests;
import cn.hxay.support.PlatformTest;
import cn.hxay.support.WebSession;
import cn.hxay.support.WebSession.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's load benchmark: a province-sized data set ({@code bench.schools}, default
 * 100,000 schools with postures, devices and hazards, made set-based by
 * {@link ProvinceData}), a campaign launched over every school through the launch form,
 * one full school export with its heap growth, single-user name searches, then mixed
 * traffic over real HTTP at each of {@code bench.users} (default 20 and 200) concurrent
 * users for {@code bench.seconds} (default 60): officials open the start page, rates, the
 * school list and a name search, the campaign dashboard, the hazard ledger and a county's
 * school export; schools open and save their self-inspection form. The load generator is
 * a fixed thread pool in the platform's own JVM, on the same cores.
 * <p>
 * Not part of {@code mvn verify}; run with
 * {@code mvn -Pbenchmark test -Dtest=LoadBenchmarkTests [-Dbench.schools=600]}. Prints
 * and writes {@code target/benchmark/load-<schools>.md}.
 */
@PlatformTest
@Tag("benchmark")
// the runtime default (the other tests count on every request)
@org.springframework.test.context.TestPropertySource(properties = "hxay.device.offline-figure-ttl=10s")
class LoadBenchmarkTests {

	static final int SCHOOLS = Integer.getInteger("bench.schools", 100_000);

	static final String USERS = System.getProperty("bench.users", "20,200");

	static final int SECONDS = Integer.getInteger("bench.seconds", 60);

	static final int WARM_UP = Integer.getInteger("bench.warm-up", 10);

	static final String PW = "Demo@2026";

	static final List<String> OFFICIALS = List.of("city.edu", "city.police", "inspector", "tianning.edu", "wujin.edu",
			"tianning.police", "qinglong.police");

	static final List<String> COUNTIES = List.of("320402", "320404", "320411", "320412", "320413", "320481");

	static final List<String> SEARCHES = List.of("实验", "中心小学", "红梅", "第一初级中学", "阳光幼儿园", "湖塘");

	/** Official pages and their weights (out of 100). */
	static final Map<String, Integer> OFFICIAL_PAGES = weights();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Compliance compliance;

	private final List<String> report = new ArrayList<>();

	private static Map<String, Integer> weights() {
		Map<String, Integer> w = new LinkedHashMap<>();
		w.put("start page", 18);
		w.put("rates", 14);
		w.put("school list", 14);
		w.put("name search", 16);
		w.put("campaign dashboard", 16);
		w.put("hazard ledger", 16);
		w.put("county school export", 1);
		w.put("campaign list", 5);
		return w;
	}

	@Test
	void provinceUnderMixedLoad() throws Exception {
		line("# Load benchmark: " + String.format(Locale.ROOT, "%,d", SCHOOLS) + " schools");
		line("");
		line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at start " + loadAverage()
				+ "; load generator in the platform's JVM; " + LocalDate.now());
		line("");

		// 1. data, set-based
		ProvinceData data = new ProvinceData(jdbc);
		long started = System.nanoTime();
		data.schools(SCHOOLS);
		data.belongings();
		double loadSeconds = seconds(started);
		Thread heartbeats = data.heartbeats();
		long evaluation = System.nanoTime();
		compliance.evaluateAll();
		double evaluationSeconds = seconds(evaluation);
		List<String> schoolAccounts = data.schoolAccounts(Math.max(10, maxUsers() * 3 / 10));
		line("| data set | |");
		line("|---|---|");
		line("| devices heartbeating (a sixth refreshed every 10 s, as the heartbeat flush would) | "
				+ count("select count(*) from device_status where last_heartbeat_at is not null") + " |");
		for (String table : List.of("school", "posture_version", "device", "hazard")) {
			line("| " + table + " rows | " + count("select count(*) from " + table) + " |");
		}
		line("| generated in (generate_series, insert … select) | " + round(loadSeconds) + " s |");
		line("| compliance evaluated in | " + round(evaluationSeconds) + " s |");

		// 2. a campaign over every school, launched through the form
		WebSession cityEdu = WebSession.signedIn(port, "city.edu", PW);
		long launchStart = System.nanoTime();
		LocalDate today = LocalDate.now();
		long campaign = InspectionFlowTests.launch(cityEdu, "全省护校安园大检查（压测）", "320400", today, today.plusDays(30));
		double launchAnswered = seconds(launchStart);
		long schools = count("select count(*) from school");
		while (count("select count(*) from inspection where campaign_id = " + campaign) < schools
				&& seconds(launchStart) < 300) {
			Thread.sleep(100);
		}
		double launchSeconds = seconds(launchStart);
		long forms = count("select count(*) from inspection where campaign_id = " + campaign);
		line("| campaign launched to every school: forms | " + forms + " |");
		line("| campaign launch: request answered / all forms created | " + round(launchAnswered) + " s / "
				+ round(launchSeconds) + " s |");
		assertThat(forms).isEqualTo(schools);
		line("");

		// 3. one export of every school, with the heap it takes
		exportOnce(cityEdu);

		// 4. name search, one user
		line("");
		line("| name search, one user (50 runs after 5) | p50 | p95 |");
		line("|---|---|---|");
		for (String text : List.of("实验", "中心小学", "红梅")) {
			List<Double> millis = new ArrayList<>();
			for (int i = 0; i < 55; i++) {
				long t = System.nanoTime();
				Page page = cityEdu.get("/schools?q=" + encode(text));
				assertThat(page.status()).isEqualTo(200);
				if (i >= 5) {
					millis.add((System.nanoTime() - t) / 1e6);
				}
			}
			Collections.sort(millis);
			line("| /schools?q=" + text + " | " + round(pct(millis, 50)) + " ms | " + round(pct(millis, 95)) + " ms |");
		}

		// 4b. optional: each official page once per official, slow statements logged by
		// PostgreSQL (-Dbench.profile=<ms> -Dlogging.level.io.zonky=INFO)
		if (PROFILE >= 0) {
			profile(campaign, schoolAccounts.get(0));
		}

		// 5. mixed traffic
		Map<String, WebSession> officials = new LinkedHashMap<>();
		for (String user : OFFICIALS) {
			officials.put(user, WebSession.signedIn(port, user, PW));
		}
		List<SchoolUser> schoolUsers = new ArrayList<>();
		for (String user : schoolAccounts) {
			long inspection = jdbc.sql("""
					select i.id from inspection i join school s on s.id = i.school_id
					join user_account u on u.organisation_id = s.organisation_id
					where u.username = ? and i.campaign_id = ?""").params(user, campaign).query(Long.class).single();
			schoolUsers.add(new SchoolUser(WebSession.signedIn(port, user, PW), inspection));
		}
		for (String level : USERS.split(",")) {
			mixed(Integer.parseInt(level.strip()), new ArrayList<>(officials.values()), schoolUsers, campaign);
		}

		heartbeats.interrupt();
		line("");
		line("Load average at the end: " + loadAverage());
		Path out = Path.of("target", "benchmark", "load-" + SCHOOLS + ".md");
		Files.createDirectories(out.getParent());
		Files.write(out, report);
		report.forEach(System.out::println);
		// -Dbench.hold=<seconds>: keep the platform and its database up for a look
		Thread.sleep(TimeUnit.SECONDS.toMillis(Integer.getInteger("bench.hold", 0)));
	}

	record SchoolUser(WebSession session, long inspection) {
	}

	static final int PROFILE = Integer.getInteger("bench.profile", -1);

	/**
	 * {@code -Dbench.statements=N}: the N statements PostgreSQL spent most time on while
	 * measured (needs
	 * {@code -Dhxay.embedded-database.settings.shared_preload_libraries=pg_stat_statements}).
	 */
	static final int STATEMENTS = Integer.getInteger("bench.statements", 0);

	/** {@code -Dbench.officials-only=true}: every user an official (no school users). */
	static final boolean OFFICIALS_ONLY = Boolean.getBoolean("bench.officials-only");

	private void profile(long campaign, String schoolAccount) throws InterruptedException {
		// a sampling profile of the statements: what PostgreSQL is running every 10 ms
		Map<String, AtomicLong> samples = new ConcurrentHashMap<>();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				jdbc.sql("select query from pg_stat_activity where state = 'active' and pid <> pg_backend_pid()"
						+ " and backend_type = 'client backend'")
					.query(String.class)
					.list()
					.forEach(q -> samples
						.computeIfAbsent(q.replaceAll("\\s+", " ").substring(0, Math.min(q.length(), 400)),
								k -> new AtomicLong())
						.incrementAndGet());
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.start();
		line("");
		line("| page, one request (third of three) | official | ms |");
		line("|---|---|---|");
		for (String user : List.of("city.edu", "tianning.edu", "city.police", "qinglong.police", schoolAccount)) {
			WebSession session = WebSession.signedIn(port, user, PW);
			for (String path : List.of("/", "/compliance", "/schools?page=2", "/inspections/campaigns/" + campaign,
					"/hazards", "/inspections")) {
				double last = 0;
				for (int i = 0; i < 3; i++) {
					long t = System.nanoTime();
					session.get(path);
					last = (System.nanoTime() - t) / 1e6;
				}
				line("| " + path + " | " + user + " | " + round(last) + " |");
			}
		}
		sampler.interrupt();
		sampler.join();
		// and where the start page spends its time in Java: the innermost platform frame
		// of
		// every request thread, sampled every 5 ms over 20 start pages of the city
		Map<String, AtomicLong> frames = new ConcurrentHashMap<>();
		Thread javaSampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				Thread.getAllStackTraces().forEach((thread, stack) -> {
					if (!thread.getName().startsWith("http-nio") || thread.getState() == Thread.State.WAITING
							|| thread.getState() == Thread.State.TIMED_WAITING) {
						return;
					}
					java.util.Arrays.stream(stack)
						.filter(f -> f.getClassName().startsWith("cn.hxay") && !f.getClassName().contains("$$"))
						.limit(3)
						.map(f -> f.getClassName().replace("cn.hxay.", "") + "." + f.getMethodName() + ":"
								+ f.getLineNumber())
						.reduce((a, b) -> a + " ← " + b)
						.ifPresent(key -> frames.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet());
				});
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		javaSampler.start();
		WebSession cityEdu = WebSession.signedIn(port, "city.edu", PW);
		WebSession cityPolice = WebSession.signedIn(port, "city.police", PW);
		for (int i = 0; i < 10; i++) {
			cityEdu.get("/");
			cityPolice.get("/");
		}
		javaSampler.interrupt();
		javaSampler.join();
		line("");
		line("| start page, innermost platform frames | samples of 5 ms |");
		line("|---|---|");
		frames.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
			.limit(PROFILE)
			.forEach(e -> line("| `" + e.getKey() + "` | " + e.getValue().get() + " |"));
		line("");
		line("| statement (first 400 characters) | samples of 10 ms |");
		line("|---|---|");
		samples.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
			.limit(PROFILE)
			.forEach(e -> line("| `" + e.getKey().replace("|", "\\|") + "` | " + e.getValue().get() + " |"));
	}

	private void exportOnce(WebSession user) throws Exception {
		// the first workbook of a JVM loads POI's classes: not what is measured
		assertThat(user.get("/schools/export?region=320402").status()).isEqualTo(200);
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(before);
		// what outlives the young generation: rows held for the whole export would end
		// up here
		var old = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getName().contains("Old Gen") || pool.getName().contains("Tenured"))
			.findFirst();
		long oldBefore = old.map(pool -> pool.getUsage().getUsed()).orElse(0L);
		AtomicLong oldPeak = new AtomicLong(oldBefore);
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				old.ifPresent(pool -> oldPeak.accumulateAndGet(pool.getUsage().getUsed(), Math::max));
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		// the heap each collection during the export left in use: what the export holds,
		// without the garbage it made
		AtomicLong afterCollections = new AtomicLong(before);
		AtomicLong collections = new AtomicLong();
		javax.management.NotificationListener listener = (notification, handback) -> {
			if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
				.equals(notification.getType())) {
				var info = com.sun.management.GarbageCollectionNotificationInfo
					.from((javax.management.openmbean.CompositeData) notification.getUserData());
				long used = info.getGcInfo()
					.getMemoryUsageAfterGc()
					.values()
					.stream()
					.mapToLong(java.lang.management.MemoryUsage::getUsed)
					.sum();
				collections.incrementAndGet();
				afterCollections.accumulateAndGet(used, Math::max);
			}
		};
		var collectors = ManagementFactory.getGarbageCollectorMXBeans();
		collectors
			.forEach(gc -> ((javax.management.NotificationEmitter) gc).addNotificationListener(listener, null, null));
		sampler.start();
		long t = System.nanoTime();
		Page file = user.get("/schools/export");
		double exportSeconds = seconds(t);
		sampler.interrupt();
		sampler.join();
		for (var gc : collectors) {
			((javax.management.NotificationEmitter) gc).removeNotificationListener(listener);
		}
		assertThat(file.status()).isEqualTo(200);
		line("| school export, every school (city) | " + round(exportSeconds) + " s, "
				+ String.format(Locale.ROOT, "%.1f", file.bytes().length / 1e6) + " MB |");
		// an upper bound: the heap in use at its highest (sampled every 5 ms, garbage not
		// yet collected included, and whatever else the JVM did meanwhile) less the heap
		// in use after a collection before the export
		line("| export heap growth: peak in use (garbage included) less in use before / old generation only | "
				+ mb(peak.get() - before) + " / " + mb(oldPeak.get() - oldBefore) + " |");
		line("| export heap growth: highest heap left in use by a collection during the export, less before"
				+ " (collections) | " + mb(afterCollections.get() - before) + " (" + collections.get() + ") |");
	}

	private void mixed(int users, List<WebSession> officials, List<SchoolUser> schools, long campaign)
			throws Exception {
		Map<String, ConcurrentLinkedQueue<Long>> times = new ConcurrentHashMap<>();
		Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
		Map<String, String> firstError = new ConcurrentHashMap<>();
		long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP);
		long until = warmUntil + TimeUnit.SECONDS.toNanos(SECONDS);
		ExecutorService pool = Executors.newFixedThreadPool(users);
		for (int u = 0; u < users; u++) {
			int index = u;
			// three in ten users are schools, each with a school of its own
			int ordinal = index / 10 * 3 + index % 10;
			boolean school = !OFFICIALS_ONLY && index % 10 < 3 && ordinal < schools.size();
			pool.submit(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				SchoolUser mine = school ? schools.get(ordinal) : null;
				WebSession official = officials.get(index % officials.size());
				while (System.nanoTime() < until) {
					boolean record = System.nanoTime() >= warmUntil;
					if (school) {
						String[] version = new String[1];
						timed("school: open self-inspection form", record, times, errors, firstError, () -> {
							Page form = mine.session().get("/inspections/" + mine.inspection());
							version[0] = form.status() == 200 ? InspectionFlowTests.version(form) : null;
							return form.status() == 200 ? null : "status " + form.status();
						});
						if (version[0] == null) {
							continue;
						}
						timed("school: save self-inspection form", record, times, errors, firstError, () -> {
							Page saved = mine.session()
								.postForm("/inspections/" + mine.inspection(),
										Map.of("version", version[0], "a[workingTeam]", "true", "a[cameras]",
												String.valueOf(random.nextInt(10, 90)), "action", "draft"));
							return saved.status() == 302 ? null : "status " + saved.status();
						});
					}
					else {
						String page = pick(random);
						String path = switch (page) {
							case "start page" -> "/";
							case "rates" -> "/compliance";
							case "school list" -> "/schools?page=" + random.nextInt(0, 5);
							case "name search" -> "/schools?q=" + encode(SEARCHES.get(random.nextInt(SEARCHES.size())));
							case "campaign dashboard" -> "/inspections/campaigns/" + campaign;
							case "hazard ledger" -> "/hazards";
							case "county school export" ->
								"/schools/export?region=" + COUNTIES.get(random.nextInt(COUNTIES.size()));
							default -> "/inspections";
						};
						timed(page, record, times, errors, firstError, () -> {
							Page answer = official.get(path);
							return answer.status() == 200 ? null : "status " + answer.status() + " " + path;
						});
					}
				}
			});
		}
		pool.shutdown();
		// the CPU the platform's JVM (generator included) and PostgreSQL's processes
		// spent
		// over the measured seconds: a cost per request that other work on the machine
		// does not change much, unlike the latencies
		Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(warmUntil - System.nanoTime())));
		double[] cpuBefore = cpuMillis();
		if (STATEMENTS > 0) {
			jdbc.sql("create extension if not exists pg_stat_statements").update();
			jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
		}
		Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
		double[] cpuAfter = cpuMillis();
		List<String> statements = STATEMENTS <= 0 ? List.of() : jdbc
			.sql("select round(total_exec_time) || ' ms | '"
					+ " || calls || ' | ' || replace(regexp_replace(left(query, 300), '\\s+', ' ', 'g'), '|', '\\|')"
					+ " from pg_stat_statements order by total_exec_time desc limit ?")
			.param(STATEMENTS)
			.query(String.class)
			.list();
		assertThat(pool.awaitTermination(SECONDS + WARM_UP + 600, TimeUnit.SECONDS)).isTrue();
		line("");
		line("### " + users + " concurrent users" + (OFFICIALS_ONLY ? ", officials only" : "") + " (" + SECONDS
				+ " s after " + WARM_UP + " s warm-up; load average " + loadAverage() + ")");
		line("");
		long measured = times.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
		if (measured > 0) {
			line(String.format(Locale.ROOT,
					"CPU per request over the measured seconds: platform JVM (generator included) %.1f ms,"
							+ " PostgreSQL %.1f ms",
					(cpuAfter[0] - cpuBefore[0]) / measured, (cpuAfter[1] - cpuBefore[1]) / measured));
			line("");
		}
		line("| page | requests | errors | p50 ms | p95 ms | p99 ms | max ms | req/s |");
		line("|---|---|---|---|---|---|---|---|");
		List<Double> all = new ArrayList<>();
		long allErrors = 0;
		for (String page : new java.util.TreeSet<>(times.keySet())) {
			List<Double> millis = new ArrayList<>(times.get(page).stream().map(n -> n / 1e6).toList());
			Collections.sort(millis);
			all.addAll(millis);
			long failed = errors.getOrDefault(page, new AtomicLong()).get();
			allErrors += failed;
			line("| " + page + " | " + millis.size() + " | " + failed + " | " + round(pct(millis, 50)) + " | "
					+ round(pct(millis, 95)) + " | " + round(pct(millis, 99)) + " | "
					+ round(millis.get(millis.size() - 1)) + " | " + round(millis.size() / (double) SECONDS) + " |");
		}
		Collections.sort(all);
		if (all.isEmpty()) {
			return;
		}
		line("| **all** | " + all.size() + " | " + allErrors + " | " + round(pct(all, 50)) + " | " + round(pct(all, 95))
				+ " | " + round(pct(all, 99)) + " | " + round(all.get(all.size() - 1)) + " | "
				+ round(all.size() / (double) SECONDS) + " |");
		firstError.forEach((page, error) -> line("- first error on " + page + ": " + error));
		if (!statements.isEmpty()) {
			line("");
			line("| time in PostgreSQL (measured seconds) | calls | statement |");
			line("|---|---|---|");
			statements.forEach(statement -> line("| " + statement + " |"));
		}
	}

	private static void timed(String page, boolean record, Map<String, ConcurrentLinkedQueue<Long>> times,
			Map<String, AtomicLong> errors, Map<String, String> firstError, Supplier<String> request) {
		long t = System.nanoTime();
		String error;
		try {
			error = request.get();
		}
		catch (RuntimeException ex) {
			error = ex.toString();
		}
		long elapsed = System.nanoTime() - t;
		if (!record) {
			return;
		}
		times.computeIfAbsent(page, p -> new ConcurrentLinkedQueue<>()).add(elapsed);
		if (error != null) {
			errors.computeIfAbsent(page, p -> new AtomicLong()).incrementAndGet();
			firstError.putIfAbsent(page, error);
		}
	}

	/** CPU milliseconds so far: this JVM, and PostgreSQL's processes serving it. */
	private double[] cpuMillis() {
		double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
		double postgres = 0;
		for (Integer pid : jdbc.sql("select pid from pg_stat_activity").query(Integer.class).list()) {
			try {
				String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				// utime and stime, fields 14 and 15 of proc(5), in clock ticks of 10 ms
				postgres += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
			}
			catch (java.io.IOException | RuntimeException ex) {
				// a process that ended in between
			}
		}
		return new double[] { jvm, postgres };
	}

	private static String pick(ThreadLocalRandom random) {
		int roll = random.nextInt(OFFICIAL_PAGES.values().stream().mapToInt(Integer::intValue).sum());
		for (Map.Entry<String, Integer> e : OFFICIAL_PAGES.entrySet()) {
			roll -= e.getValue();
			if (roll < 0) {
				return e.getKey();
			}
		}
		throw new IllegalStateException();
	}

	private static int maxUsers() {
		int max = 0;
		for (String level : USERS.split(",")) {
			max = Math.max(max, Integer.parseInt(level.strip()));
		}
		return max;
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private void line(String text) {
		report.add(text);
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (Exception ex) {
			return String.format(Locale.ROOT, "%.2f",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static double pct(List<Double> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static String mb(long bytes) {
		return Math.round(bytes / 1e6) + " MB";
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
