package cn.hxay.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading what a page or an API answered, written once for every test: the first group of
 * a pattern in a page's markup, and JSON read as JSON.
 */
public final class Texts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Texts() {
	}

	/** The first group of the first match of {@code regex}; fails the test when none. */
	public static String find(String body, String regex) {
		Matcher m = Pattern.compile(regex).matcher(body);
		assertThat(m.find()).as("%s in %s", regex, body.length() > 3000 ? body.substring(0, 3000) : body).isTrue();
		return m.group(1);
	}

	/** A JSON answer as a tree. */
	public static JsonNode json(String body) {
		return JSON.readTree(body);
	}

}
