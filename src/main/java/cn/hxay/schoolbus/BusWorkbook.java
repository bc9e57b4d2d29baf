package cn.hxay.schoolbus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.stereotype.Component;

/** The lapsing dates of school buses and drivers as an Excel workbook, one row each. */
@Component
class BusWorkbook {

	private static final String[] HEADERS = { "序号", "学校", "地区代码", "项目", "车牌/驾驶人", "有效期至", "剩余天数", "状态" };

	byte[] write(List<ExpiryItem> items, LocalDate today) {
		SXSSFWorkbook book = new SXSSFWorkbook(200);
		try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("校车证照");
			sheet.createRow(0).createCell(0).setCellValue("校车及驾驶人证照到期情况（截至 " + today + "）");
			Row head = sheet.createRow(1);
			for (int i = 0; i < HEADERS.length; i++) {
				head.createCell(i).setCellValue(HEADERS[i]);
			}
			int r = 2;
			for (ExpiryItem it : items) {
				Row row = sheet.createRow(r);
				String[] v = { Integer.toString(r - 1), it.schoolName(), it.regionCode(), it.kind().label(),
						it.subject(), it.validUntil().toString(), Long.toString(it.daysLeft()), it.status().label() };
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

}
