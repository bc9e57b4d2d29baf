package cn.hxay.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.OrganisationKind;
import cn.hxay.organisation.Organisations;
import cn.hxay.school.School;
import cn.hxay.school.SchoolRegistry;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.documents.OfficeSheet;
import cn.hxay.shared.documents.PdfDocuments;
import cn.hxay.shared.documents.RedHeaderDocument;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Component;

/**
 * The documents an office sends up: a period's summary table (for Changzhou Annex 2 the
 * 学校及周边安全排查整改情况汇总表 layout) with numeric cells, a 合计 row over the units that reported,
 * units that have not reported marked as such (never 0), the reporting unit, the as-of
 * date and sign-off lines, in Excel and PDF; and the 通报 as a red-header PDF. Police-only
 * values are shown only to police readers.
 */
@Component
class ReportDocuments {

	private final Reports reports;

	private final Organisations organisations;

	private final SchoolRegistry schools;

	private final PdfDocuments pdf;

	ReportDocuments(Reports reports, Organisations organisations, SchoolRegistry schools, PdfDocuments pdf) {
		this.reports = reports;
		this.organisations = organisations;
		this.schools = schools;
		this.pdf = pdf;
	}

	/**
	 * One cell: text, or a number (then {@code number} is set), or the mark of a unit
	 * that has not reported.
	 */
	record Cell2(String text, Long number) {

		static Cell2 text(String text) {
			return new Cell2(text == null ? "" : text, null);
		}

	}

	/** The summary of one period as the reader's unit sends it. */
	record Summary(String title, String reportingUnit, String period, LocalDate asOf, List<String> headers,
			List<Boolean> numeric, List<List<Cell2>> rows, List<Cell2> total, int notReported, int fixedColumns) {

		String fileName(String ext) {
			return title + "（" + reportingUnit + "，" + period + "）." + ext;
		}

	}

	Summary summary(DataScope scope, long id, LocalDate periodStart, String readerUnit) {
		ReportDefinition d = reports.definition(scope, id);
		LocalDate today = reports.today();
		List<UnitStatus> board = reports.board(scope, id, periodStart, today);
		boolean annex2 = d.form() == ReportForm.CHANGZHOU_ANNEX2;
		List<String> headers = new ArrayList<>();
		List<Boolean> numeric = new ArrayList<>();
		headers.add("区域");
		numeric.add(false);
		if (annex2) {
			headers.add("属地派出所");
			numeric.add(false);
			headers.add(d.targetKind() == OrganisationKind.SCHOOL ? "学校名称" : "单位名称");
			numeric.add(false);
		}
		else {
			headers.add("报送单位");
			numeric.add(false);
		}
		int fixed = headers.size();
		List<ReportForm.Field> fields = d.form().fields().stream().filter(f -> !f.caseList()).toList();
		for (ReportForm.Field f : fields) {
			headers.add(f.label());
			numeric.add(f.number());
		}
		headers.add("报送情况");
		numeric.add(false);
		List<List<Cell2>> rows = new ArrayList<>();
		long[] sums = new long[fields.size()];
		int missing = 0;
		for (UnitStatus r : board) {
			List<Cell2> row = new ArrayList<>();
			row.add(Cell2.text(organisations.region(r.target().regionCode()).name()));
			if (annex2) {
				row.add(Cell2.text(stationOf(scope, r.target())));
			}
			row.add(Cell2.text(r.target().unitName()));
			Optional<Submission> s = r.submissionId() == null || !r.status().submitted() ? Optional.empty()
					: Optional.of(reports.submission(scope, r.submissionId()));
			for (int k = 0; k < fields.size(); k++) {
				ReportForm.Field f = fields.get(k);
				if (s.isEmpty()) {
					row.add(Cell2.text("未报"));
					continue;
				}
				Submission.Value v = s.get()
					.value(f.key())
					.orElse(new Submission.Value(f.key(), null, null, null, null, false));
				String shown = Reports.shown(v, scope);
				if (f.number() && shown != null && shown.matches("\\d+")) {
					long n = Long.parseLong(shown);
					sums[k] += n;
					row.add(new Cell2(shown, n));
				}
				else {
					row.add(Cell2.text(shown));
				}
			}
			if (s.isEmpty()) {
				missing++;
			}
			row.add(Cell2.text(r.status().label()
					+ (r.submittedAt() == null ? "" : " " + PlatformTime.MINUTE.format(r.submittedAt()))));
			rows.add(row);
		}
		List<Cell2> total = new ArrayList<>();
		total.add(Cell2.text("合计"));
		for (int k = 1; k < fixed; k++) {
			total.add(Cell2.text(k == fixed - 1 ? "已报 " + (board.size() - missing) + " 个单位" : ""));
		}
		for (int k = 0; k < fields.size(); k++) {
			total.add(fields.get(k).number() ? new Cell2(Long.toString(sums[k]), sums[k]) : Cell2.text(""));
		}
		total.add(Cell2.text(missing == 0 ? "全部已报" : missing + " 个单位未报，未计入合计"));
		String title = annex2 ? "学校及周边安全排查整改情况汇总表" : d.title();
		Optional<Period> p = board.isEmpty() ? Optional.empty() : Optional.of(board.get(0).period());
		return new Summary(title, readerUnit, p.map(Period::label).orElse(periodStart.toString()), today, headers,
				numeric, rows, total, missing, fixed);
	}

	private String stationOf(DataScope scope, Target t) {
		if (t.police()) {
			return t.unitName();
		}
		Optional<School> school = schools.ofUnit(scope, t.unitId());
		return school.map(School::units)
			.map(u -> u.policeStation() == null ? null
					: organisations.find(u.policeStation()).map(Organisation::name).orElse(null))
			.orElse("—");
	}

	byte[] excel(Summary s) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles st = new Styles(book);
			Sheet sheet = book.createSheet("汇总表");
			int columns = s.headers().size();
			for (int k = 0; k < columns; k++) {
				int width = k < s.fixedColumns() ? 18 : s.numeric().get(k) ? 12 : 26;
				sheet.setColumnWidth(k, Math.max(width, Math.min(40, s.headers().get(k).length() * 2 + 2)) * 256);
			}
			Row title = sheet.createRow(0);
			title.setHeightInPoints(30);
			cell(title, 0, s.title(), st.title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
			Row info = sheet.createRow(1);
			cell(info, 0, "填报单位：" + s.reportingUnit() + "　　报表周期：" + s.period() + "　　数据截至："
					+ PlatformTime.CHINESE_DATE.format(s.asOf()), st.plain);
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
			Row head = sheet.createRow(2);
			for (int k = 0; k < columns; k++) {
				cell(head, k, s.headers().get(k), st.header);
			}
			sheet.createFreezePane(0, 3);
			int r = 3;
			for (List<Cell2> values : s.rows()) {
				write(sheet.createRow(r++), values, st, false);
			}
			write(sheet.createRow(r++), s.total(), st, true);
			r++;
			Row sign = sheet.createRow(r++);
			cell(sign, 0,
					"填报单位（盖章）：" + s.reportingUnit() + "　　负责人（签字）：__________　　审核人：__________　　填表人：__________　　填报日期："
							+ PlatformTime.CHINESE_DATE.format(s.asOf()),
					st.plain);
			sheet.addMergedRegion(new CellRangeAddress(sign.getRowNum(), sign.getRowNum(), 0, columns - 1));
			Row note = sheet.createRow(r);
			cell(note, 0, "注：“未报”为截至填报日期未报送的单位，不计为 0，未计入合计。", st.plain);
			sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Row row, List<Cell2> values, Styles st, boolean total) {
		for (int k = 0; k < values.size(); k++) {
			Cell2 v = values.get(k);
			if (v.number() != null) {
				Cell c = row.createCell(k);
				c.setCellValue(v.number());
				c.setCellStyle(total ? st.totalNumber : st.number);
			}
			else {
				cell(row, k, v.text(), total ? st.total : "未报".equals(v.text()) ? st.missing : st.value);
			}
		}
	}

	byte[] pdf(Summary s) {
		StringBuilder rows = new StringBuilder("<thead><tr>");
		for (int k = 0; k < s.headers().size(); k++) {
			rows.append(k < s.fixedColumns() ? "<th class=\"nw\">" : "<th>")
				.append(e(s.headers().get(k)))
				.append("</th>");
		}
		rows.append("</tr></thead><tbody>");
		for (List<Cell2> values : s.rows()) {
			rows.append(tr(values, "", s.fixedColumns()));
		}
		rows.append(tr(s.total(), " class=\"total\"", s.fixedColumns())).append("</tbody>");
		String html = """
				<html><head><style>
				@page { size: A4 landscape; margin: 14mm 12mm; @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-family: '%1$s'; font-size: 8pt; } }
				body { font-family: '%1$s'; font-size: 9pt; }
				h1 { text-align: center; font-size: 16pt; margin: 0 0 6px 0; }
				.info { margin: 0 0 6px 0; }
				table { border-collapse: collapse; width: 100%%; -fs-table-paginate: paginate; }
				td, th { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
				th { background: #eee; }
				td.n { text-align: right; }
				.nw { white-space: nowrap; }
				td.missing { color: #b00; text-align: center; }
				tr.total td { font-weight: bold; }
				.sign { margin-top: 14px; }
				.sign span { display: inline-block; margin-right: 28px; }
				.note { font-size: 8pt; color: #333; }
				</style></head><body>
				<h1>%2$s</h1>
				<p class="info">填报单位：%3$s　　报表周期：%4$s　　数据截至：%5$s</p>
				<table>%6$s</table>
				<p class="sign"><span>填报单位（盖章）：%3$s</span><span>负责人（签字）：__________</span><span>审核人：__________</span><span>填表人：__________</span><span>填报日期：%5$s</span></p>
				<p class="note">注：“未报”为截至填报日期未报送的单位，不计为 0，未计入合计。</p>
				</body></html>
				"""
			.formatted(PdfDocuments.FONT_FAMILY, e(s.title()), e(s.reportingUnit()), e(s.period()),
					PlatformTime.CHINESE_DATE.format(s.asOf()), rows);
		return pdf.render(html);
	}

	private static String tr(List<Cell2> values, String attrs, int fixed) {
		StringBuilder row = new StringBuilder("<tr").append(attrs).append(">");
		for (int k = 0; k < values.size(); k++) {
			Cell2 v = values.get(k);
			// names and the status are kept on one line so a unit's name never breaks
			String cls = v.number() != null ? " class=\"n\"" : "未报".equals(v.text()) ? " class=\"missing\""
					: k < fixed || k == values.size() - 1 ? " class=\"nw\"" : "";
			row.append("<td").append(cls).append(">").append(e(v.text())).append("</td>");
		}
		return row.append("</tr>").toString();
	}

	/**
	 * The 通报 as a red-header document with its number, the late list, and a seal area
	 * (the platform's one layout, {@link RedHeaderDocument}).
	 */
	byte[] noticePdf(ReportNotice n) {
		return pdf.render(new RedHeaderDocument(n.issuerUnit(), n.number(), n.title(), null, List.of(n.body()),
				n.units(), PlatformTime.dayOf(n.issuedAt()))
			.html());
	}

	private static void cell(Row row, int col, String value, CellStyle style) {
		var cell = row.createCell(col);
		cell.setCellValue(value == null ? "" : value);
		cell.setCellStyle(style);
	}

	private static String e(String s) {
		return PdfDocuments.escape(s);
	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle plain;

		final CellStyle header;

		final CellStyle value;

		final CellStyle number;

		final CellStyle missing;

		final CellStyle total;

		final CellStyle totalNumber;

		Styles(XSSFWorkbook book) {
			OfficeSheet office = new OfficeSheet(book);
			Font red = book.createFont();
			red.setColor(org.apache.poi.ss.usermodel.IndexedColors.DARK_RED.getIndex());
			title = office.title;
			plain = book.createCellStyle();
			header = office.header;
			value = office.cell;
			number = office.whole;
			missing = OfficeSheet.bordered(book);
			missing.setFont(red);
			missing.setAlignment(HorizontalAlignment.CENTER);
			total = OfficeSheet.bordered(book);
			total.setFont(office.bold);
			totalNumber = OfficeSheet.bordered(book);
			totalNumber.setFont(office.bold);
			totalNumber.setDataFormat(book.createDataFormat().getFormat("0"));
		}

	}

}
