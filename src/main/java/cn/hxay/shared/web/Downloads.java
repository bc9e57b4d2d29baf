package cn.hxay.shared.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * File downloads, written once: the Chinese file name in RFC 6266 form (an ASCII fallback
 * plus {@code filename*=UTF-8''…}), the content type, and no caching of documents that
 * may hold personal data.
 */
public final class Downloads {

	/** Excel 2007+ workbooks. */
	public static final MediaType EXCEL = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Downloads() {
	}

	/** A document held in memory, as an attachment named {@code fileName}. */
	public static ResponseEntity<byte[]> of(byte[] body, String fileName, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	/** An Excel workbook held in memory. */
	public static ResponseEntity<byte[]> excel(byte[] body, String fileName) {
		return of(body, fileName, EXCEL);
	}

	/** A PDF held in memory. */
	public static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
		return of(body, fileName, MediaType.APPLICATION_PDF);
	}

	/** A PDF shown in the browser (with a file name for saving it). */
	public static ResponseEntity<byte[]> pdfInline(byte[] body, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	/**
	 * Sets the headers of a document streamed straight into the response (large exports);
	 * call before writing the body.
	 */
	public static void stream(HttpServletResponse response, String fileName, MediaType type) {
		response.setContentType(type.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	static String disposition(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
	}

}
