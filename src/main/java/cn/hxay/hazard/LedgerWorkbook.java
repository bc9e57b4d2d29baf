package cn.hxay.hazard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.organisation.Organisations;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.documents.OfficeSheet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Component;

/**
 * The hazard ledger (隐患台账) as an Excel workbook an office can send: a title with the
 * as-of date, a frozen header, column widths, county names (not codes), one row per
 * hazard.
 */
@Component
class LedgerWorkbook {

	private static final String[] HEADERS = { "序号", "通知书编号", "学校", "县（区）", "隐患部位", "类别", "等级", "隐患描述", "整改要求", "责任单位",
			"责任人", "发现人", "发现日期", "整改期限", "状态", "逾期", "挂牌督办", "临时防范措施" };

	private static final int[] WIDTHS = { 6, 30, 28, 10, 16, 10, 8, 36, 36, 20, 10, 10, 12, 12, 10, 6, 8, 30 };

	private final Organisations organisations;

	private final Clock clock;

	LedgerWorkbook(Organisations organisations, Clock clock) {
		this.organisations = organisations;
		this.clock = clock;
	}

	byte[] write(List<Hazard> hazards) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("隐患台账");
			OfficeSheet.widths(sheet, WIDTHS);
			OfficeSheet st = new OfficeSheet(book);
			CellStyle cell = st.cell;
			Row title = sheet.createRow(0);
			title.setHeightInPoints(30);
			OfficeSheet.merged(sheet, title, 0, 13, "学校安全隐患台账", st.title);
			OfficeSheet.merged(sheet, title, 14, HEADERS.length - 1,
					"截至 " + PlatformTime.CHINESE_DATE.format(PlatformTime.today(clock)), st.asOf);
			st.header(sheet, 1, HEADERS);
			Map<String, String> counties = new HashMap<>();
			int r = 2;
			for (Hazard h : hazards) {
				Row row = sheet.createRow(r);
				String county = counties.computeIfAbsent(h.regionCode(), this::regionName);
				String[] v = { Integer.toString(r - 1), h.noticeNumber(), h.schoolName(), county, h.place(),
						h.category().label(), h.grade().label(), h.description(), h.requirements(), h.responsibleUnit(),
						h.responsiblePerson(), h.foundBy(), PlatformTime.dayOf(h.foundAt()).toString(),
						h.deadline().toString(), h.state().label(), h.overdue() ? "是" : "否", h.supervised() ? "是" : "否",
						h.temporarySafeguards() == null ? "" : h.temporarySafeguards() };
				for (int i = 0; i < v.length; i++) {
					row.createCell(i).setCellValue(v[i]);
					row.getCell(i).setCellStyle(cell);
				}
				r++;
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String regionName(String code) {
		try {
			return organisations.region(code).name();
		}
		catch (RuntimeException ex) {
			// a code no longer in the region table is shown as it is
			return code;
		}
	}

	static boolean within(Hazard h, LocalDate from, LocalDate to) {
		LocalDate found = PlatformTime.dayOf(h.foundAt());
		return (from == null || !found.isBefore(from)) && (to == null || !found.isAfter(to));
	}

}
