package cn.hxay.hazard;

import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.documents.PdfDocuments;

import org.springframework.stereotype.Component;

/**
 * Renders a rectification notice (隐患整改通知书) as a PDF with the CJK font the platform
 * carries: the issuing unit (the unit whose number series it belongs to), a seal area,
 * labels that never break mid-word, and a receipt stub (回执) below a cut line for the
 * school to sign and return.
 */
@Component
class RectificationNotice {

	private final PdfDocuments pdf;

	RectificationNotice(PdfDocuments pdf) {
		this.pdf = pdf;
	}

	/** The issuing unit: the name the number series begins with (…隐改字〔2026〕第00001号). */
	static String issuer(Hazard h) {
		int at = h.noticeNumber().indexOf("隐改字");
		return at > 0 ? h.noticeNumber().substring(0, at) : "";
	}

	byte[] render(Hazard h) {
		String issuer = e(issuer(h));
		String html = """
				<html><head><style>
				@page { size: A4; margin: 18mm 20mm; }
				body { font-family: '%1$s'; font-size: 11.5pt; line-height: 1.7; }
				.unit { text-align: center; font-size: 15pt; font-weight: bold; margin: 0; }
				h1 { text-align: center; font-size: 20pt; color: #c00; margin: 0; letter-spacing: 4px; }
				.no { text-align: center; margin: 2px 0 8px 0; }
				td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; }
				td.l { white-space: nowrap; width: 20mm; background: #f4f4f4; }
				table { border-collapse: collapse; width: 100%%; }
				.sign { margin-top: 14px; }
				.sign td { border: none; }
				.seal { width: 38mm; height: 38mm; border: 1px dashed #c00; border-radius: 19mm; color: #c00; text-align: center; vertical-align: middle; font-size: 9pt; }
				.cut { border-top: 1px dashed #000; margin: 16px 0 6px 0; text-align: center; font-size: 9pt; color: #555; }
				h2 { text-align: center; font-size: 13pt; margin: 4px 0; }
				.stub td.blank { height: 9mm; width: 38%%; }
				</style></head><body>
				<p class="unit">%2$s</p>
				<h1>隐患整改通知书</h1>
				<p class="no">%3$s</p>
				<p>%4$s：</p>
				<p>经检查，你单位存在以下安全隐患，现责令你单位按下列要求限期整改，并于整改完成后报请验收销号。</p>
				<table>
				<tr><td class="l">隐患部位</td><td>%5$s</td><td class="l">隐患类别</td><td>%6$s</td></tr>
				<tr><td class="l">隐患等级</td><td>%7$s</td><td class="l">整改期限</td><td>%8$s</td></tr>
				<tr><td class="l">隐患描述</td><td colspan="3">%9$s</td></tr>
				<tr><td class="l">整改要求</td><td colspan="3">%10$s</td></tr>
				<tr><td class="l">责任单位</td><td>%11$s</td><td class="l">责任人</td><td>%12$s</td></tr>
				<tr><td class="l">检查人</td><td>%13$s</td><td class="l">检查日期</td><td>%14$s</td></tr>
				</table>
				<p>整改期间须落实临时防范措施，确保师生安全。逾期未整改的，将提级挂牌督办。</p>
				<table class="sign"><tr>
				<td style="width: 60%%">签发单位：%2$s<br/>签发人：__________<br/>签发日期：%14$s</td>
				<td><div class="seal"><br/><br/>（签发单位盖章）</div></td>
				</tr></table>
				<div class="cut">- - - - - - - - - - - - - - - 沿此线剪下，回执由被检查单位签收后交回签发单位 - - - - - - - - - - - - - - -</div>
				<h2>隐患整改通知书回执</h2>
				<table class="stub">
				<tr><td class="l">通知书编号</td><td colspan="3">%3$s</td></tr>
				<tr><td class="l">被检查单位</td><td colspan="3">%4$s</td></tr>
				<tr><td class="l">签发单位</td><td colspan="3">%2$s</td></tr>
				<tr><td class="l">签收人</td><td class="blank"></td><td class="l">签收日期</td><td class="blank">　　年　　月　　日</td></tr>
				<tr><td class="l">单位盖章</td><td colspan="3" class="blank"></td></tr>
				</table>
				</body></html>
				"""
			.formatted(PdfDocuments.FONT_FAMILY, issuer, e(h.noticeNumber()), e(h.schoolName()), e(h.place()),
					e(h.category().label()), e(h.grade().label()), PlatformTime.CHINESE_DATE.format(h.deadline()),
					e(h.description()), e(h.requirements()), e(h.responsibleUnit()), e(h.responsiblePerson()),
					e(h.foundBy()), PlatformTime.CHINESE_DATE.format(h.foundAt()));
		return pdf.render(html);
	}

	private static String e(String s) {
		return PdfDocuments.escape(s);
	}

}
