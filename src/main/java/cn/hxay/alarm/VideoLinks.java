package cn.hxay.alarm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which snapshot and clip links an alarm may carry: {@code http} or {@code https} only,
 * and only to a video host the platform is configured to trust
 * ({@code hxay.alarm.video-hosts}, comma-separated host names; a listed host also allows
 * its sub-domains). Anything else is dropped at ingestion and never rendered as a link.
 */
@Component
public class VideoLinks {

	private final Set<String> hosts;

	VideoLinks(@Value("${hxay.alarm.video-hosts:}") String hosts) {
		this.hosts = Arrays.stream(hosts.split(","))
			.map(String::strip)
			.filter(h -> !h.isEmpty())
			.map(h -> h.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Whether the link may be stored and shown as a link. */
	public boolean allowed(String link) {
		if (!safeScheme(link)) {
			return false;
		}
		String host = URI.create(link.strip()).getHost().toLowerCase(Locale.ROOT);
		return hosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
	}

	/** The link if it is allowed, else {@code null}. */
	public String orNull(String link) {
		return link != null && allowed(link) ? link.strip() : null;
	}

	/**
	 * Whether a link is an absolute http(s) URL with a host and no user info: the check
	 * that needs no configuration.
	 */
	public static boolean safeScheme(String link) {
		if (link == null || link.isBlank() || link.length() > 500) {
			return false;
		}
		try {
			URI uri = new URI(link.strip());
			String scheme = uri.getScheme();
			return scheme != null
					&& ("http".equals(scheme.toLowerCase(Locale.ROOT))
							|| "https".equals(scheme.toLowerCase(Locale.ROOT)))
					&& uri.getHost() != null && uri.getRawUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
