package cn.hxay.dutypost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.hxay.shared.PlatformTime;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A day's 护学岗 coverage as an Excel workbook: one row per post and bell. */
final class CoverageWorkbook {

	static final String[] HEADERS = { "日期", "县(区)", "学校", "岗位", "时段", "适用", "铃声时间", "状态", "在岗人数", "警车", "排班人数",
			"在岗人员" };

	private CoverageWorkbook() {
	}

	static byte[] write(List<Peak> peaks, java.util.Map<String, String> counties) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("护学岗覆盖");
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				header.createCell(i).setCellValue(HEADERS[i]);
			}
			int r = 1;
			for (Peak p : peaks) {
				Row row = sheet.createRow(r++);
				int c = 0;
				row.createCell(c++).setCellValue(p.day().toString());
				row.createCell(c++).setCellValue(counties.getOrDefault(p.post().regionCode(), p.post().regionCode()));
				row.createCell(c++).setCellValue(p.post().schoolName());
				row.createCell(c++).setCellValue(p.post().gate());
				row.createCell(c++).setCellValue(p.bell().kind().label());
				row.createCell(c++).setCellValue(p.bell().label());
				row.createCell(c++).setCellValue(PlatformTime.MINUTE.format(p.bellAt()));
				row.createCell(c++).setCellValue(p.status().label());
				row.createCell(c++).setCellValue(p.present());
				row.createCell(c++).setCellValue(p.car() ? "有" : "无");
				row.createCell(c++).setCellValue(p.rostered());
				row.createCell(c).setCellValue(String.join("、", p.officers()));
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
