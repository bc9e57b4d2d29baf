package cn.hxay.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.hxay.shared.AccessRules;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.PlatformTime;
import cn.hxay.shared.web.Downloads;
import cn.hxay.shared.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page, for system administrators: in Chinese, filterable, exportable to
 * Excel (streamed, at most {@link #EXPORT_LIMIT} rows; the export is audited itself).
 */
@Controller
class AuditLogController {

	static final int EXPORT_LIMIT = 200_000;

	private final AuditLog log;

	private final AuditNames names;

	private final AuditTrail trail;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AuditLogController(AuditLog log, AuditNames names, AuditTrail trail, TransactionTemplate transactions,
			Clock clock) {
		this.log = log;
		this.names = names;
		this.trail = trail;
		this.transactions = transactions;
		this.clock = clock;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String type, @RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, Model model) {
		AuditFilter filter = new AuditFilter(actor, action, type, q, from, to);
		var entries = log.search(filter, PageRequest.of(page, 50));
		model.addAttribute("entries", entries);
		model.addAttribute("lines", names.lines(entries.items()));
		Map<String, String> actions = new LinkedHashMap<>();
		log.actions().forEach(a -> actions.put(a, AuditActions.label(a)));
		Map<String, String> types = new LinkedHashMap<>();
		log.subjectTypes().forEach(t -> types.put(t, names.typeLabel(t)));
		model.addAttribute("actions", actions);
		model.addAttribute("types", types);
		model.addAttribute("filter", filter);
		PageLinks links = PageLinks.to("/admin/audit")
			.with("actor", filter.actor())
			.with("action", filter.action())
			.with("type", filter.subjectType())
			.with("q", filter.text())
			.with("from", from)
			.with("to", to);
		model.addAttribute("links", links);
		return "audit/list";
	}

	@GetMapping("/admin/audit/export.xlsx")
	void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String type, @RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		AuditFilter filter = new AuditFilter(actor, action, type, q, from, to);
		// the export is itself a read of the whole record: written before the file leaves
		transactions.executeWithoutResult(
				status -> trail.record("AUDIT_EXPORTED", "audit", null, "导出审计日志 Excel：" + describe(filter)));
		Downloads.stream(response, "审计日志-" + PlatformTime.today(clock) + ".xlsx", Downloads.EXCEL);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
			workbook.setCompressTempFiles(true);
			Sheet sheet = workbook.createSheet("审计日志");
			List<String> headers = List.of("时间", "用户", "IP", "操作", "对象类型", "对象", "详情");
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				head.createCell(i).setCellValue(headers.get(i));
				sheet.setColumnWidth(i, (i == 6 ? 60 : i == 5 ? 36 : 18) * 256);
			}
			int[] next = { 1 };
			log.forEach(filter, EXPORT_LIMIT, chunk -> {
				for (AuditNames.Line line : names.lines(chunk)) {
					Row row = sheet.createRow(next[0]++);
					row.createCell(0).setCellValue(PlatformTime.SECOND.format(line.entry().occurredAt()));
					row.createCell(1).setCellValue(nullToEmpty(line.entry().actor()));
					row.createCell(2).setCellValue(nullToEmpty(line.entry().clientIp()));
					row.createCell(3).setCellValue(line.action());
					row.createCell(4).setCellValue(line.subjectType());
					row.createCell(5).setCellValue(line.subject());
					row.createCell(6).setCellValue(nullToEmpty(line.entry().detail()));
				}
			});
			workbook.write(response.getOutputStream());
			workbook.dispose();
		}
	}

	private static String describe(AuditFilter filter) {
		StringBuilder text = new StringBuilder();
		if (filter.actor() != null) {
			text.append("用户 ").append(filter.actor()).append("；");
		}
		if (filter.action() != null) {
			text.append("操作 ").append(AuditActions.label(filter.action())).append("；");
		}
		if (filter.subjectType() != null) {
			text.append("对象类型 ").append(filter.subjectType()).append("；");
		}
		if (filter.text() != null) {
			text.append("含 “").append(filter.text()).append("”；");
		}
		if (filter.from() != null || filter.to() != null) {
			text.append("日期 ")
				.append(filter.from() == null ? "" : filter.from())
				.append(" 至 ")
				.append(filter.to() == null ? "" : filter.to());
		}
		return text.isEmpty() ? "全部" : text.toString();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	@Component
	static class Rules implements AccessRules {

		@Override
		public void declare(
				AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
			requests.requestMatchers("/admin/audit", "/admin/audit/**").hasRole("SYSTEM_ADMIN");
		}

	}

}
