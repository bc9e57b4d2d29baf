package cn.hxay.hazard;

import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.documents.PdfDocuments;

import org.springframework.stereotype.Component;

/**
 * Renders a rectification notice (隐患整改通知书) as a PDF with the CJK font the platform
 * carries.
 */
@Component
class RectificationNotice {

	private final PdfDocuments pdf;

	RectificationNotice(PdfDocuments pdf) {
		this.pdf = pdf;
	}

	byte[] render(Hazard h) {
		String html = """
				<html><head><style>
				@page { size: A4; margin: 25mm 20mm; }
				body { font-family: 'WenQuanYi Micro Hei'; font-size: 12pt; line-height: 1.8; }
				h1 { text-align: center; font-size: 20pt; color: #c00; margin: 0; }
				.no { text-align: center; }
				td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; }
				table { border-collapse: collapse; width: 100%%; }
				.sign { text-align: right; margin-top: 40px; }
				</style></head><body>
				<h1>隐患整改通知书</h1>
				<p class="no">%s</p>
				<p>%s：</p>
				<p>经检查，你单位存在以下安全隐患，现责令你单位按下列要求限期整改，并于整改完成后报请验收销号。</p>
				<table>
				<tr><td>隐患部位</td><td>%s</td><td>隐患类别</td><td>%s</td></tr>
				<tr><td>隐患等级</td><td>%s</td><td>整改期限</td><td>%s</td></tr>
				<tr><td>隐患描述</td><td colspan="3">%s</td></tr>
				<tr><td>整改要求</td><td colspan="3">%s</td></tr>
				<tr><td>责任单位</td><td>%s</td><td>责任人</td><td>%s</td></tr>
				<tr><td>检查人</td><td>%s</td><td>检查日期</td><td>%s</td></tr>
				</table>
				<p>整改期间须落实临时防范措施，确保师生安全。逾期未整改的，将提级挂牌督办。</p>
				<p class="sign">签发日期：%s</p>
				</body></html>
				""".formatted(e(h.noticeNumber()), e(h.schoolName()), e(h.place()), e(h.category().label()),
				e(h.grade().label()), PlatformTime.CHINESE_DATE.format(h.deadline()), e(h.description()),
				e(h.requirements()), e(h.responsibleUnit()), e(h.responsiblePerson()), e(h.foundBy()),
				PlatformTime.CHINESE_DATE.format(h.foundAt()), PlatformTime.CHINESE_DATE.format(h.foundAt()));
		return pdf.render(html);
	}

	private static String e(String s) {
		return PdfDocuments.escape(s);
	}

}
