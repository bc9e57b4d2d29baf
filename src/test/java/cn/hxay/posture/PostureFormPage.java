package cn.hxay.posture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The posture page's form as a browser would send it back: every input and every select's
 * chosen option, read from the page's HTML.
 */
public final class PostureFormPage {

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");

	private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);

	private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>");

	private PostureFormPage() {
	}

	/** The fields of the form whose action is the posture page, in page order. */
	public static Map<String, Object> fields(String html) {
		int start = html.indexOf("<form method=\"post\"");
		String form = html.substring(start, html.indexOf("</form>", start));
		Map<String, Object> fields = new LinkedHashMap<>();
		Matcher input = INPUT.matcher(form);
		while (input.find()) {
			String name = attribute(input.group(), "name");
			if (name != null && !name.equals("reason")) {
				fields.put(name,
						unescape(attribute(input.group(), "value") == null ? "" : attribute(input.group(), "value")));
			}
		}
		Matcher select = SELECT.matcher(form);
		while (select.find()) {
			String name = attribute(select.group(1), "name");
			String chosen = null;
			String first = null;
			Matcher option = OPTION.matcher(select.group(2));
			while (option.find()) {
				String value = attribute(option.group(1), "value");
				if (first == null) {
					first = value;
				}
				if (option.group(1).contains("selected")) {
					chosen = value;
				}
			}
			fields.put(name, unescape(chosen != null ? chosen : first == null ? "" : first));
		}
		return fields;
	}

	/** The index of the form row that carries the named fact. */
	public static int factIndex(Map<String, Object> fields, String fact) {
		for (Map.Entry<String, Object> field : fields.entrySet()) {
			if (field.getKey().matches("facts\\[\\d+]\\.name") && fact.equals(field.getValue())) {
				return Integer.parseInt(field.getKey().replaceAll("\\D", ""));
			}
		}
		throw new AssertionError("no form row for " + fact);
	}

	/** Sets a fact's value in the form. */
	public static Map<String, Object> with(Map<String, Object> fields, String fact, String value) {
		fields.put("facts[" + factIndex(fields, fact) + "].value", value);
		return fields;
	}

	/** Names of the guard rows' name fields that hold a name. */
	public static List<String> guardNameFields(Map<String, Object> fields) {
		List<String> names = new ArrayList<>();
		fields.forEach((key, value) -> {
			if (key.matches("guards\\[\\d+]\\.name") && !String.valueOf(value).isBlank()) {
				names.add(key);
			}
		});
		return names;
	}

	private static String attribute(String tag, String name) {
		Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
		return m.find() ? m.group(1) : null;
	}

	private static String unescape(String value) {
		return value.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
