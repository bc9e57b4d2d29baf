package cn.hxay.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.hxay.hazard.HazardLedger;
import cn.hxay.hazard.RectificationFigures;
import cn.hxay.hotspot.HotspotAnnex;
import cn.hxay.hotspot.Hotspots;
import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisations;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.documents.OfficeSheet;
import cn.hxay.shared.documents.PdfDocuments;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The two forms of seed 001 filled from the platform's data: Annex 1 (学校及周边安全排查整改情况报表,
 * one per school) and Annex 2 (学校及周边安全排查整改情况汇总表, one per district), each as Excel in the
 * notice's layout and as PDF. Sensitive answers appear only for police readers. The
 * columns 校园周边治安乱点情况 / 是否整改 come from the hotspot register ({@link Hotspots}) for a
 * school with hotspots near it, the answer typed on the form otherwise.
 */
@Component
class AnnexForms {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final String HIDDEN = "（敏感信息，由公安机关掌握）";

	private static final String[] SUMMARY_HEADERS = { "区域", "属地派出所", "学校名称", "校园周边治安乱点情况", "是否整改", "校园隐患总数", "整改数",
			"涉校不稳定因素情况（未解决）" };

	private final Inspections inspections;

	private final HazardLedger hazards;

	private final Organisations organisations;

	private final PdfDocuments pdf;

	private final Clock clock;

	private final AnnexRecords records;

	private final Hotspots hotspots;

	AnnexForms(Inspections inspections, HazardLedger hazards, Organisations organisations, PdfDocuments pdf,
			Clock clock, AnnexRecords records, Hotspots hotspots) {
		this.records = records;
		this.inspections = inspections;
		this.hazards = hazards;
		this.organisations = organisations;
		this.pdf = pdf;
		this.clock = clock;
		this.hotspots = hotspots;
	}

	/**
	 * One Annex 1 cell: the item's finding and, when the records answer it, where the
	 * answer came from (or, where the form's own answer differs, what the records say).
	 */
	private record Cell(Inspection.Finding finding, String source) {
	}

	/**
	 * Annex 1 rows: each section's items as label/answer pairs; items left unanswered
	 * that the records answer (drills, buses, disputes) take the records' answer, and the
	 * hotspot items come from the register where it has hotspots near the school (never
	 * for a reader without police data).
	 */
	private List<Cell> rows(Inspection i, Campaign c, DataScope scope) {
		Map<String, AnnexRecordSource.RecordAnswer> recorded = records.answers(scope, i, c.template());
		HotspotAnnex spots = hotspots.annexBySchool(scope, List.of(i.schoolId())).get(i.schoolId());
		List<Cell> cells = new ArrayList<>();
		for (Inspection.Finding typed : i.findings(c.template(), scope.policeData())) {
			if (typed.item().type() == ItemType.PHOTO) {
				continue;
			}
			Inspection.Finding f = typed.hidden() ? typed : fromRegister(typed, typed.item().key(), spots);
			AnnexRecordSource.RecordAnswer r = f.hidden() ? null : recorded.get(f.item().key());
			if (r == null) {
				cells.add(new Cell(f, null));
			}
			else if (f.value() == null) {
				ChecklistItem item = f.item();
				cells.add(new Cell(new Inspection.Finding(f.section(), item, r.value(), item.display(r.value()),
						item.judge(r.value()), false, f.requirement()), r.source()));
			}
			else if (!f.value().equals(r.value())) {
				cells.add(new Cell(f, "学校填报；" + r.source() + "为“" + f.item().display(r.value()) + "”"));
			}
			else {
				cells.add(new Cell(f, r.source()));
			}
		}
		return cells;
	}

	private static Inspection.Finding fromRegister(Inspection.Finding f, String key, HotspotAnnex spots) {
		String shown = fromRegister(key, spots);
		return shown == null ? f : new Inspection.Finding(f.section(), f.item(), f.value(), shown, f.verdict(),
				f.hidden(), f.requirement());
	}

	/**
	 * The register's text for the two hotspot columns, or {@code null} to keep the
	 * answer.
	 */
	private static String fromRegister(String key, HotspotAnnex spots) {
		if (spots == null) {
			return null;
		}
		return switch (key) {
			case "disorderSpots" -> spots.situation();
			case "disorderFixed" -> spots.fixed();
			default -> null;
		};
	}

	private String filledOn(Inspection i) {
		return PlatformTime.CHINESE_DATE
			.format(i.submittedAt() == null ? PlatformTime.today(clock) : PlatformTime.dayOf(i.submittedAt()));
	}

	byte[] annex1Excel(Inspection i, Campaign c, DataScope scope) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles st = new Styles(book);
			Sheet sheet = book.createSheet("附件1");
			sheet.setColumnWidth(0, 30 * 256);
			sheet.setColumnWidth(1, 22 * 256);
			sheet.setColumnWidth(2, 30 * 256);
			sheet.setColumnWidth(3, 22 * 256);
			int r = 0;
			r = title(sheet, st, r, c.template().title(), 4);
			Row head = sheet.createRow(r++);
			cell(head, 0, "单位名称：" + i.schoolName(), st.plain);
			cell(head, 2, "填表日期：" + filledOn(i), st.plain);
			String section = null;
			List<Cell> pending = new ArrayList<>();
			List<Cell> all = rows(i, c, scope);
			for (Cell cell : all) {
				Inspection.Finding f = cell.finding();
				if (!f.section().equals(section)) {
					r = pairs(sheet, st, r, pending);
					pending.clear();
					section = f.section();
					Row s = sheet.createRow(r);
					cell(s, 0, section, st.section);
					for (int col = 1; col < 4; col++) {
						cell(s, col, "", st.section);
					}
					sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 3));
					r++;
				}
				pending.add(cell);
			}
			r = pairs(sheet, st, r, pending);
			for (Cell cell : all) {
				if (cell.source() != null) {
					Row from = sheet.createRow(++r);
					cell(from, 0, "注：“" + cell.finding().item().label() + "”" + sourceNote(cell.source()), st.plain);
					sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 3));
				}
			}
			Row note = sheet.createRow(r + 1);
			cell(note, 0, "本表由学校和当地派出所共同填写。涉及保密、敏感信息的，经公安机关研判后直接报市公安局，本表不填写。", st.plain);
			sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, 3));
			Row sign = sheet.createRow(r + 2);
			cell(sign, 0, "校长：" + nz(i.headmaster()), st.plain);
			cell(sign, 2,
					"所长：" + nz(i.cosignedBy()) + (i.cosignedStation() == null ? "" : "（" + i.cosignedStation() + "）"),
					st.plain);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sourceNote(String source) {
		return source.startsWith("学校填报") ? "：" + source : "取自平台记录（" + source + "）";
	}

	private static int pairs(Sheet sheet, Styles st, int r, List<Cell> cells) {
		for (int k = 0; k < cells.size(); k += 2) {
			Row row = sheet.createRow(r++);
			for (int j = 0; j < 2; j++) {
				if (k + j < cells.size()) {
					Cell c = cells.get(k + j);
					Inspection.Finding f = c.finding();
					cell(row, j * 2, f.item().label(), st.label);
					cell(row, j * 2 + 1, f.shown(), st.value);
					if (c.source() != null) {
						comment(sheet, row.getCell(j * 2 + 1), sourceNote(c.source()));
					}
				}
				else {
					cell(row, j * 2, "", st.label);
					cell(row, j * 2 + 1, "", st.value);
				}
			}
		}
		return r;
	}

	byte[] annex1Pdf(Inspection i, Campaign c, DataScope scope) {
		StringBuilder rows = new StringBuilder();
		String section = null;
		for (Cell cell : rows(i, c, scope)) {
			Inspection.Finding f = cell.finding();
			if (!f.section().equals(section)) {
				section = f.section();
				rows.append("<tr><th colspan=\"2\" class=\"sec\">").append(e(section)).append("</th></tr>");
			}
			rows.append("<tr><td class=\"l\">").append(e(f.item().label())).append("</td><td>").append(e(f.shown()));
			if (cell.source() != null) {
				rows.append("<div class=\"src\">").append(e(sourceNote(cell.source()))).append("</div>");
			}
			rows.append("</td></tr>");
		}
		String html = """
				<html><head><style>
				@page { size: A4; margin: 18mm 15mm; }
				body { font-family: '%s'; font-size: 10.5pt; }
				h1 { text-align: center; font-size: 16pt; margin: 0 0 6px 0; }
				table { border-collapse: collapse; width: 100%%; }
				td, th { border: 1px solid #000; padding: 3px 5px; vertical-align: top; text-align: left; }
				td.l { width: 45%%; }
				th.sec { background: #eee; }
				.src { font-size: 8pt; color: #555; }
				.head { width: 100%%; margin-bottom: 4px; }
				.foot { margin-top: 8px; }
				</style></head><body>
				<p>附件1</p>
				<h1>%s</h1>
				<table class="head"><tr><td style="border:0">单位名称：%s</td><td style="border:0;text-align:right">填表日期：%s</td></tr></table>
				<table>%s</table>
				<p class="foot">本表由学校和当地派出所共同填写。涉及保密、敏感信息的，经公安机关研判后直接报市公安局，本表不填写。</p>
				<p class="foot">校长：%s　　　　所长：%s</p>
				</body></html>
				"""
			.formatted(PdfDocuments.FONT_FAMILY, e(c.template().title()), e(i.schoolName()), filledOn(i), rows,
					e(i.headmaster()), e(i.cosignedBy()));
		return pdf.render(html);
	}

	/** Annex 2 for a district (or the whole scope): one row per school. */
	record Summary(String areaName, String campaignTitle, List<String[]> rows) {
	}

	Summary summary(DataScope scope, long campaignId, String region) {
		Campaign c = inspections.campaign(scope, campaignId);
		String code = region == null || region.isBlank() ? c.scopeRegion() : region;
		String area = organisations.region(code).name();
		Map<Long, RectificationFigures> figures = hazards.figuresBySchool(scope);
		ChecklistTemplate t = c.template();
		List<String[]> rows = new ArrayList<>();
		List<Inspection> forms = inspections.allInspections(scope, campaignId, region);
		Map<Long, HotspotAnnex> spots = hotspots.annexBySchool(scope,
				forms.stream().map(Inspection::schoolId).toList());
		for (Inspection i : forms) {
			RectificationFigures f = figures.get(i.schoolId());
			HotspotAnnex s = spots.get(i.schoolId());
			rows.add(new String[] { organisations.region(i.regionCode()).name(), nz(i.stationName()), i.schoolName(),
					answer(i, t, "disorderSpots", scope, s), answer(i, t, "disorderFixed", scope, s),
					f == null ? "0" : Long.toString(f.total()), f == null ? "0" : Long.toString(f.closed()),
					answer(i, t, "instability", scope, null) });
		}
		return new Summary(area, c.title(), rows);
	}

	private static String answer(Inspection i, ChecklistTemplate t, String key, DataScope scope, HotspotAnnex spots) {
		return t.item(key).map(item -> {
			if (item.sensitive() && !scope.policeData()) {
				return HIDDEN;
			}
			String registered = fromRegister(key, spots);
			return registered != null ? registered : item.display(i.answer(item));
		}).orElse("");
	}

	byte[] annex2Excel(Summary s) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles st = new Styles(book);
			Sheet sheet = book.createSheet("附件2");
			int[] widths = { 12, 16, 30, 30, 10, 12, 10, 30 };
			for (int k = 0; k < widths.length; k++) {
				sheet.setColumnWidth(k, widths[k] * 256);
			}
			int r = title(sheet, st, 0, "学校及周边安全排查整改情况汇总表（" + s.areaName() + "）", SUMMARY_HEADERS.length);
			Row head = sheet.createRow(r++);
			for (int k = 0; k < SUMMARY_HEADERS.length; k++) {
				cell(head, k, SUMMARY_HEADERS[k], st.label);
			}
			for (String[] values : s.rows()) {
				Row row = sheet.createRow(r++);
				for (int k = 0; k < values.length; k++) {
					cell(row, k, values[k], st.value);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	byte[] annex2Pdf(Summary s) {
		StringBuilder rows = new StringBuilder("<tr>");
		for (String h : SUMMARY_HEADERS) {
			rows.append("<th>").append(e(h)).append("</th>");
		}
		rows.append("</tr>");
		for (String[] values : s.rows()) {
			rows.append("<tr>");
			for (String v : values) {
				rows.append("<td>").append(e(v)).append("</td>");
			}
			rows.append("</tr>");
		}
		String html = """
				<html><head><style>
				@page { size: A4 landscape; margin: 15mm 12mm; }
				body { font-family: '%s'; font-size: 9pt; }
				h1 { text-align: center; font-size: 15pt; margin: 0 0 6px 0; }
				table { border-collapse: collapse; width: 100%%; -fs-table-paginate: paginate; }
				td, th { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
				th { background: #eee; }
				</style></head><body>
				<p>附件2</p>
				<h1>学校及周边安全排查整改情况汇总表（%s）</h1>
				<p>%s</p>
				<table>%s</table>
				</body></html>
				""".formatted(PdfDocuments.FONT_FAMILY, e(s.areaName()), e(s.campaignTitle()), rows);
		return pdf.render(html);
	}

	private static int title(Sheet sheet, Styles st, int r, String text, int columns) {
		Row row = sheet.createRow(r);
		row.setHeightInPoints(28);
		cell(row, 0, text, st.title);
		sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
		return r + 1;
	}

	/**
	 * A note on a cell (where its answer came from), shown when the cell is pointed at.
	 */
	private static void comment(Sheet sheet, org.apache.poi.ss.usermodel.Cell cell, String text) {
		var helper = sheet.getWorkbook().getCreationHelper();
		var anchor = helper.createClientAnchor();
		anchor.setCol1(cell.getColumnIndex());
		anchor.setCol2(cell.getColumnIndex() + 2);
		anchor.setRow1(cell.getRowIndex());
		anchor.setRow2(cell.getRowIndex() + 3);
		var comment = sheet.createDrawingPatriarch().createCellComment(anchor);
		comment.setString(helper.createRichTextString(text));
		comment.setAuthor("护校安园平台");
		cell.setCellComment(comment);
	}

	private static void cell(Row row, int col, String value, CellStyle style) {
		var cell = row.createCell(col);
		cell.setCellValue(value == null ? "" : value);
		cell.setCellStyle(style);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static String e(String s) {
		return PdfDocuments.escape(s);
	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle section;

		final CellStyle label;

		final CellStyle value;

		final CellStyle plain;

		Styles(XSSFWorkbook book) {
			Font bold = book.createFont();
			bold.setBold(true);
			title = OfficeSheet.title(book);
			plain = book.createCellStyle();
			plain.setWrapText(true);
			label = OfficeSheet.bordered(book);
			label.setFont(bold);
			section = OfficeSheet.bordered(book);
			section.setFont(bold);
			value = OfficeSheet.bordered(book);
		}

	}

}
