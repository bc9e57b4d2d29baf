package cn.hxay.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The platform's time zone, China Standard Time, and the formats dates and times are
 * shown in. Every "today" is taken from the platform {@link Clock} bean (which tests
 * move) in this zone, never from the server's own zone.
 */
public final class PlatformTime {

	/** The zone's id, for annotations such as {@code @Scheduled(zone = …)}. */
	public static final String ZONE_ID = "Asia/Shanghai";

	/** Asia/Shanghai. */
	public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

	/** 2026-11-30 */
	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);

	/** 2026-11-30 08:15 */
	public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

	/** 2026-11-30 08:15:42 */
	public static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

	/** 2026年11月30日 */
	public static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZONE);

	private PlatformTime() {
	}

	/** Today in Beijing by the given clock. */
	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

	/** The calendar day in Beijing of an instant. */
	public static LocalDate dayOf(Instant instant) {
		return instant.atZone(ZONE).toLocalDate();
	}

	/** The calendar day in Beijing of a timestamp read from PostgreSQL. */
	public static LocalDate dayOf(OffsetDateTime time) {
		return time.atZoneSameInstant(ZONE).toLocalDate();
	}

	/** Beijing wall-clock time of an instant. */
	public static LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZONE);
	}

}
