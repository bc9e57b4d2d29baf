package cn.hxay.keyperson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.stereotype.Component;

/**
 * The key-person list as an Excel workbook (streamed with SXSSF), numbers masked as on
 * screen. Police only, like everything made from the register.
 */
@Component
class KeyPersonWorkbook {

	static final String SHEET = "重点人员";

	private static final String[] HEADERS = { "序号", "姓名", "身份证号（脱敏）", "电话（脱敏）", "人员类别", "风险等级", "管控状态", "责任派出所", "责任民警",
			"现住址", "纳入管控日期", "最近走访", "下次走访", "逾期未走访" };

	byte[] write(List<KeyPerson> persons, Map<String, Category> categories, Map<Long, String> stations,
			LocalDate today) {
		SXSSFWorkbook book = new SXSSFWorkbook(100);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(SHEET);
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue("重点人员名单（警务工作秘密，仅限公安内部使用；导出时间 " + today + "）");
			Row head = sheet.createRow(1);
			for (int i = 0; i < HEADERS.length; i++) {
				head.createCell(i).setCellValue(HEADERS[i]);
			}
			int r = 2;
			for (KeyPerson p : persons) {
				Row row = sheet.createRow(r);
				Category c = categories.get(p.category());
				String[] v = { Integer.toString(r - 1), p.name(), p.maskedIdNumber(),
						p.maskedPhone() == null ? "" : p.maskedPhone(), c == null ? p.category() : c.label(),
						p.risk().label(), p.status().label(), stations.getOrDefault(p.stationId(), ""), p.officer(),
						p.address(), String.valueOf(p.controlledSince()),
						p.lastVisitDate() == null ? "" : p.lastVisitDate().toString(),
						p.nextVisitDue() == null ? "" : p.nextVisitDue().toString(),
						p.visitOverdue(today) ? "是" : "否" };
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
		finally {
			book.dispose();
			try {
				book.close();
			}
			catch (IOException ex) {
				// the temporary files are already gone
			}
		}
	}

}
