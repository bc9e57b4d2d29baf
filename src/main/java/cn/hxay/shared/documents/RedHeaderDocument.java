package cn.hxay.shared.documents;

import java.time.LocalDate;
import java.util.List;

import cn.hxay.shared.PlatformTime;

/**
 * An official document in the red-header layout (红头文件): the issuing unit's name with 文件
 * in red, the document number (文号), a red rule, the title, the addressees (主送), the body
 * paragraphs, an optional list, and the issuer's seal area with the date. Every 通报 of the
 * platform (a report's late list, a supervision criticism or commendation) is drawn by
 * this one layout; {@link #html()} gives the XHTML that {@link PdfDocuments} renders.
 *
 * @param issuer the issuing unit (常州市教育局)
 * @param number the document number (常教安〔2026〕12号)
 * @param title the title line
 * @param addressees the 主送 line, or {@code null}
 * @param paragraphs body paragraphs, each indented
 * @param items a list after the body (units named, findings), may be empty
 * @param date the issuing date (platform day)
 */
public record RedHeaderDocument(String issuer, String number, String title, String addressees, List<String> paragraphs,
		List<String> items, LocalDate date) {

	/**
	 * A short form of a unit's name for document numbers: 常州市教育局 → 常教, 天宁区教育局 → 天宁教,
	 * 常州市公安局天宁分局 → 常公天宁.
	 */
	public static String shortName(String unit) {
		String s = unit.replace("常州市公安局", "常公").replace("公安局", "公").replace("分局", "");
		s = s.replaceAll("^(..)[市区县]", "$1").replace("教育局", "教");
		return s.length() > 8 ? s.substring(0, 8) : s;
	}

	/** The complete XHTML document. */
	public String html() {
		StringBuilder body = new StringBuilder();
		for (String para : paragraphs) {
			for (String line : para.split("\n")) {
				body.append("<p class=\"body\">").append(e(line)).append("</p>");
			}
		}
		StringBuilder list = new StringBuilder();
		if (!items.isEmpty()) {
			list.append("<ul>");
			for (String item : items) {
				list.append("<li>").append(e(item)).append("</li>");
			}
			list.append("</ul>");
		}
		String to = addressees == null || addressees.isBlank() ? "" : "<p class=\"to\">" + e(addressees) + "：</p>";
		return """
				<html><head><style>
				@page { size: A4; margin: 25mm 22mm; }
				body { font-family: '%1$s'; font-size: 12pt; line-height: 1.7; }
				.head { color: #c00; text-align: center; font-size: 26pt; font-weight: bold; letter-spacing: 2px; margin: 0; }
				.number { text-align: center; margin: 8px 0 4px 0; }
				.rule { border-top: 2px solid #c00; margin: 0 0 16px 0; }
				h1 { text-align: center; font-size: 16pt; margin: 10px 0 14px 0; }
				.to { margin: 0 0 4px 0; }
				.body { text-indent: 2em; margin: 0 0 8px 0; }
				ul { margin: 0 0 12px 2em; padding: 0; }
				.sign { margin-top: 36px; text-align: right; }
				.seal { display: inline-block; width: 42mm; height: 42mm; border: 1px dashed #c00; border-radius: 21mm; color: #c00; text-align: center; line-height: 42mm; font-size: 10pt; }
				</style></head><body>
				<p class="head">%2$s文件</p>
				<p class="number">%3$s</p>
				<div class="rule"></div>
				<h1>%4$s</h1>
				%5$s
				%6$s
				%7$s
				<div class="sign"><div class="seal">（盖章）</div><p>%2$s</p><p>%8$s</p></div>
				</body></html>
				"""
			.formatted(PdfDocuments.FONT_FAMILY, e(issuer), e(number), e(title), to, body, list,
					PlatformTime.CHINESE_DATE.format(date));
	}

	private static String e(String s) {
		return PdfDocuments.escape(s);
	}

}
