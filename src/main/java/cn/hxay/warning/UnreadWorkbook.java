package cn.hxay.warning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.hxay.shared.PlatformTime;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The schools that have not read a warning, as an Excel sheet for the sender. */
final class UnreadWorkbook {

	private UnreadWorkbook() {
	}

	static byte[] of(Warning w, List<Receipt> unread) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("未读学校");
			sheet.createRow(0).createCell(0).setCellValue(w.level().label() + " · " + w.title());
			sheet.createRow(1)
				.createCell(0)
				.setCellValue(
						"签收期限 " + PlatformTime.MINUTE.format(w.acknowledgeBy()) + " · 未读 " + unread.size() + " 所");
			Row header = sheet.createRow(2);
			String[] columns = { "序号", "学校", "县(区)代码", "已催阅", "已短信通知" };
			for (int i = 0; i < columns.length; i++) {
				header.createCell(i).setCellValue(columns[i]);
			}
			int n = 3;
			for (Receipt r : unread) {
				Row row = sheet.createRow(n);
				row.createCell(0).setCellValue(n - 2);
				row.createCell(1).setCellValue(r.schoolName());
				row.createCell(2).setCellValue(r.regionCode());
				row.createCell(3)
					.setCellValue(r.remindedAt() == null ? "" : PlatformTime.MINUTE.format(r.remindedAt()));
				row.createCell(4)
					.setCellValue(r.escalatedAt() == null ? "" : PlatformTime.MINUTE.format(r.escalatedAt()));
				n++;
			}
			sheet.setColumnWidth(1, 40 * 256);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
