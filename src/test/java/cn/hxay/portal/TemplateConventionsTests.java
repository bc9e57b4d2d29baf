package cn.hxay.portal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two conventions of the templates, checked on the source files: no inline script or
 * inline event handler (the Content-Security-Policy would refuse them, so script lives in
 * static/js and data travels in data-* attributes or JSON blocks), and one rule for UI
 * text (Chinese written in the templates; messages.properties only for keys Java
 * resolves, each of them used).
 */
class TemplateConventionsTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path JAVA = Path.of("src/main/java");

	private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);

	private static final Pattern HANDLER = Pattern.compile("<[^>]*\\s(on[a-z]+|hx-on[:a-z-]*|x-[a-z]+|@[a-z]+)\\s*=",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");

	/** getMessage("key", …) and "{key}" message templates of constraint annotations. */
	private static final Pattern JAVA_KEY = Pattern
		.compile("getMessage\\(\\s*\"([A-Za-z0-9_.-]+)\"|message\\s*=\\s*\"\\{([A-Za-z0-9_.-]+)\\}\"");

	@Test
	void templatesHaveNoInlineScriptAndNoInlineHandlers() throws IOException {
		Map<String, String> templates = read(TEMPLATES, ".html");
		assertThat(templates).hasSizeGreaterThan(30);
		List<String> problems = new ArrayList<>();
		templates.forEach((name, html) -> {
			Matcher scripts = SCRIPT.matcher(html);
			while (scripts.find()) {
				String attributes = scripts.group(1);
				boolean data = attributes.contains("type=\"application/json\"");
				if (!data && !(attributes.contains("src=") && scripts.group(2).isBlank())) {
					problems.add(name + ": inline script " + scripts.group().lines().findFirst().orElse(""));
				}
			}
			Matcher handlers = HANDLER.matcher(html);
			while (handlers.find()) {
				problems.add(name + ": inline handler " + handlers.group(1));
			}
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void everyMessageKeyUsedExistsAndEveryKeyIsUsed() throws IOException {
		Properties messages = new Properties();
		try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/messages.properties"),
				StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		List<String> used = new ArrayList<>();
		read(TEMPLATES, ".html").values().forEach(html -> collect(TEMPLATE_KEY.matcher(html), used));
		read(JAVA, ".java").values().forEach(java -> collect(JAVA_KEY.matcher(java), used));
		assertThat(used).as("message keys used but missing from messages.properties")
			.allSatisfy(key -> assertThat(messages).containsKey(key));
		assertThat(messages.stringPropertyNames()).as("keys in messages.properties that nothing uses")
			.allSatisfy(key -> assertThat(used).contains(key));
		// the convention itself: pages write their Chinese text, they look up no keys
		assertThat(read(TEMPLATES, ".html")).allSatisfy(
				(name, html) -> assertThat(TEMPLATE_KEY.matcher(html).find()).as("#{…} key in %s", name).isFalse());
	}

	private static void collect(Matcher matcher, List<String> keys) {
		while (matcher.find()) {
			for (int g = 1; g <= matcher.groupCount(); g++) {
				if (matcher.group(g) != null) {
					keys.add(matcher.group(g));
				}
			}
		}
	}

	private static Map<String, String> read(Path root, String suffix) throws IOException {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.filter(p -> p.toString().endsWith(suffix)).toList()) {
				files.put(root.relativize(path).toString(), Files.readString(path));
			}
		}
		return files;
	}

}
