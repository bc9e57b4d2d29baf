package cn.hxay.incident;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.hxay.shared.PlatformTime;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The incident list and the statistics as Excel workbooks. The alarm link is a column
 * only in a police reader's list; key persons are never exported.
 */
final class IncidentWorkbook {

	private IncidentWorkbook() {
	}

	static byte[] list(List<Incident> rows, Map<String, String> counties, boolean police) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("涉校案事件");
			String[] headers = { "编号", "类型", "学校", "县（区）", "发生时间", "地点", "涉及人员", "简要经过", "死亡", "受伤", "状态", "初报时间",
					"初报超时", "下次续报期限", "终报期限", "终报时间", "报告单位", "报告人", "关联报警编号" };
			write(sheet.createRow(0),
					(Object[]) (police ? headers : java.util.Arrays.copyOf(headers, headers.length - 1)));
			int r = 1;
			for (Incident i : rows) {
				Object[] values = { i.id(), i.type().label(), i.schoolName(),
						counties.getOrDefault(i.regionCode(), i.regionCode()), time(i.occurredAt()), i.place(),
						i.persons(), i.what(), i.deaths(), i.injured(), i.status().label(), time(i.firstReportedAt()),
						i.firstReportLate() ? "是" : "否", time(i.followUpDue()), time(i.finalDue()),
						time(i.finalReportedAt()), i.reporterUnit(), i.reporterName(), i.alarmId() };
				write(sheet.createRow(r++), police ? values : java.util.Arrays.copyOf(values, values.length - 1));
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] statistics(IncidentStatistics s) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			sheet(book, "按类型", "类型", s.byType(), s);
			sheet(book, "按月份", "月份", s.byMonth(), s);
			sheet(book, "按县（区）", "县（区）", s.byCounty(), s);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sheet(XSSFWorkbook book, String name, String first, List<IncidentStatistics.Row> rows,
			IncidentStatistics s) {
		Sheet sheet = book.createSheet(name);
		write(sheet.createRow(0), s.year() + " 年涉校案事件" + name + "统计");
		write(sheet.createRow(1), first, "起数", "死亡", "受伤");
		int r = 2;
		for (IncidentStatistics.Row row : rows) {
			write(sheet.createRow(r++), row.label(), row.count(), row.deaths(), row.injured());
		}
		write(sheet.createRow(r), "合计", s.total(), s.deaths(), s.injured());
	}

	private static void write(Row row, Object... values) {
		for (int c = 0; c < values.length; c++) {
			Object v = values[c];
			if (v instanceof Number n) {
				row.createCell(c).setCellValue(n.doubleValue());
			}
			else {
				row.createCell(c).setCellValue(v == null ? "" : v.toString());
			}
		}
	}

	private static String time(Instant at) {
		return at == null ? "" : PlatformTime.MINUTE.format(at);
	}

}
