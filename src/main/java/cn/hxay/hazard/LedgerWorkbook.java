package cn.hxay.hazard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import cn.hxay.shared.PlatformTime;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Component;

/** The hazard ledger (隐患台账) as an Excel workbook, one row per hazard. */
@Component
class LedgerWorkbook {

	private static final String[] HEADERS = { "序号", "通知书编号", "学校", "地区代码", "隐患部位", "类别", "等级", "隐患描述", "整改要求", "责任单位",
			"责任人", "发现人", "发现日期", "整改期限", "状态", "逾期", "挂牌督办", "临时防范措施" };

	byte[] write(List<Hazard> hazards) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("隐患台账");
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue("学校安全隐患台账");
			Row head = sheet.createRow(1);
			for (int i = 0; i < HEADERS.length; i++) {
				head.createCell(i).setCellValue(HEADERS[i]);
			}
			int r = 2;
			for (Hazard h : hazards) {
				Row row = sheet.createRow(r);
				String[] v = { Integer.toString(r - 1), h.noticeNumber(), h.schoolName(), h.regionCode(), h.place(),
						h.category().label(), h.grade().label(), h.description(), h.requirements(), h.responsibleUnit(),
						h.responsiblePerson(), h.foundBy(), PlatformTime.dayOf(h.foundAt()).toString(),
						h.deadline().toString(), h.state().label(), h.overdue() ? "是" : "否", h.supervised() ? "是" : "否",
						h.temporarySafeguards() == null ? "" : h.temporarySafeguards() };
				for (int i = 0; i < v.length; i++) {
					row.createCell(i).setCellValue(v[i]);
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

	static boolean within(Hazard h, LocalDate from, LocalDate to) {
		LocalDate found = PlatformTime.dayOf(h.foundAt());
		return (from == null || !found.isBefore(from)) && (to == null || !found.isAfter(to));
	}

}
