package cn.hxay.dutypost;

import java.util.LinkedHashMap;
import java.util.Map;

/** The weekday patterns a bell may ring on, as ISO day digits and their Chinese names. */
public final class Weekdays {

	/** The choices offered on the bell form. */
	public static final Map<String, String> CHOICES = choices();

	private static final String[] NAMES = { "一", "二", "三", "四", "五", "六", "日" };

	private Weekdays() {
	}

	private static Map<String, String> choices() {
		Map<String, String> choices = new LinkedHashMap<>();
		choices.put("12345", "周一至周五");
		choices.put("1234", "周一至周四");
		choices.put("5", "仅周五");
		choices.put("123456", "周一至周六");
		choices.put("1234567", "每天");
		return choices;
	}

	/** Whether the text names days 1–7, each once, in order. */
	static boolean valid(String days) {
		if (days == null || days.isEmpty() || days.length() > 7) {
			return false;
		}
		char last = '0';
		for (char c : days.toCharArray()) {
			if (c < '1' || c > '7' || c <= last) {
				return false;
			}
			last = c;
		}
		return true;
	}

	static String label(String days) {
		String known = CHOICES.get(days);
		if (known != null) {
			return known;
		}
		StringBuilder text = new StringBuilder("周");
		for (char c : days.toCharArray()) {
			text.append(NAMES[c - '1']);
		}
		return text.toString();
	}

}
