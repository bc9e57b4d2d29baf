package cn.hxay.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: real HTTP to the running platform, keeping cookies like a
 * browser does and sending back the CSRF token of the last page it read.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client;

	private String csrfToken;

	private String forwardedFor;

	public WebSession(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * From now on this browser's requests arrive as if through the reverse proxy from the
	 * given client address ({@code X-Forwarded-For}).
	 */
	public WebSession from(String clientAddress) {
		this.forwardedFor = clientAddress;
		return this;
	}

	/** A response as the tests look at it. */
	public record Page(int status, String body, java.net.http.HttpHeaders headers, byte[] bytes) {

		public Optional<String> location() {
			return headers.firstValue("Location");
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

	}

	/** A new session, already signed in (and past the redirect to the start page). */
	public static WebSession signedIn(int port, String username, String password) {
		WebSession session = new WebSession(port);
		Page result = session.login(username, password);
		if (result.location().map(l -> l.contains("error")).orElse(true)) {
			throw new IllegalStateException(
					"login failed for " + username + ": " + result.location().orElse("no redirect"));
		}
		session.follow(result);
		return session;
	}

	/**
	 * A new session of an account whose password an administrator set: signed in, and
	 * that password replaced by the holder's own, as the platform asks before anything
	 * else.
	 */
	public static WebSession signedInChangingFirstPassword(int port, String username, String given, String own) {
		WebSession session = signedIn(port, username, given);
		Page changed = session.postForm("/account/password",
				Map.of("currentPassword", given, "newPassword", own, "repeatedPassword", own));
		if (changed.status() != 302) {
			throw new IllegalStateException("first password change failed for " + username + ": " + changed.body());
		}
		return session;
	}

	/** Signs in through the login form and returns the response to the form post. */
	public Page login(String username, String password) {
		get("/login");
		return postForm("/login", Map.of("username", username, "password", password));
	}

	public Page get(String path) {
		return send(page(path).GET().build());
	}

	/** Follows redirects (GET) until a page that is not a redirect. */
	public Page follow(Page page) {
		Page current = page;
		for (int i = 0; i < 5 && current.status() / 100 == 3; i++) {
			String location = current.location().orElseThrow();
			current = get(location.startsWith("http") ? URI.create(location).getRawPath()
					+ (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery())
					: location);
		}
		return current;
	}

	public Page postForm(String path, Map<String, ?> fields) {
		Map<String, Object> all = new LinkedHashMap<>(fields);
		if (csrfToken != null) {
			all.putIfAbsent("_csrf", csrfToken);
		}
		return postFormWithoutToken(path, all);
	}

	public Page postFormWithoutToken(String path, Map<String, ?> fields) {
		String body = fields.entrySet()
			.stream()
			.flatMap(e -> e.getValue() instanceof List<?> values
					? values.stream().map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v)))
					: java.util.stream.Stream.of(encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue()))))
			.collect(Collectors.joining("&"));
		return send(page(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Uploads one file as a multipart form, with the CSRF token. */
	public Page upload(String path, String field, String fileName, byte[] content) {
		String boundary = "----hxay" + UUID.randomUUID();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (csrfToken != null) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
						+ "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
					+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return send(page(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build());
	}

	/** A JSON API call with HTTP Basic credentials and no cookies. */
	public Page api(String method, String path, String username, String password, String json,
			Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json")
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			builder.header("Content-Type", "application/json");
		}
		if (username != null) {
			builder.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		headers.forEach(builder::header);
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Page(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
					response.headers(), response.body());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Any request with a body of raw bytes and a content type of the caller's choice
	 * (HTTP Basic when a username is given), for bodies a well-behaved client never
	 * sends.
	 */
	public Page raw(String method, String path, String username, String password, String contentType, byte[] body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
			.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		if (username != null) {
			builder.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return send(builder.build());
	}

	/**
	 * Any request in this session (its cookies, and for a form post its CSRF token),
	 * asking for anything ({@code Accept: *}{@code /*}); an event stream is closed as
	 * soon as its headers arrive, so that a live feed does not hold the caller.
	 */
	public Page exchange(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
			.timeout(java.time.Duration.ofSeconds(30))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		headers.forEach(builder::header);
		try {
			HttpResponse<java.io.InputStream> response = client.send(builder.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			byte[] bytes;
			try (java.io.InputStream in = response.body()) {
				bytes = response.headers()
					.firstValue("Content-Type")
					.filter(type -> type.startsWith("text/event-stream"))
					.isPresent() ? new byte[0] : in.readAllBytes();
			}
			String text = new String(bytes, StandardCharsets.UTF_8);
			Matcher matcher = CSRF.matcher(text);
			if (matcher.find()) {
				csrfToken = matcher.group(1);
			}
			return new Page(response.statusCode(), text, response.headers(), bytes);
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(method + " " + path, ex);
		}
	}

	/** A form body (URL-encoded) with this session's CSRF token. */
	public byte[] formBody(Map<String, ?> fields) {
		Map<String, Object> all = new LinkedHashMap<>(fields);
		if (csrfToken != null) {
			all.putIfAbsent("_csrf", csrfToken);
		}
		return all.entrySet()
			.stream()
			.flatMap(e -> e.getValue() instanceof List<?> values
					? values.stream().map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v)))
					: java.util.stream.Stream.of(encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue()))))
			.collect(Collectors.joining("&"))
			.getBytes(StandardCharsets.UTF_8);
	}

	public Optional<HttpCookie> cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
	}

	private Page send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			String body = new String(response.body(), StandardCharsets.UTF_8);
			Matcher matcher = CSRF.matcher(body);
			if (matcher.find()) {
				csrfToken = matcher.group(1);
			}
			return new Page(response.statusCode(), body, response.headers(), response.body());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Pages are asked for as a browser asks: HTML first. */
	private HttpRequest.Builder page(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		return forwardedFor == null ? builder : builder.header("X-Forwarded-For", forwardedFor);
	}

	private URI uri(String path) {
		return URI.create(baseUrl + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
