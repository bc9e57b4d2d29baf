package cn.hxay.warning;

import java.time.Instant;

import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.documents.Photos;

/**
 * A file sent with a warning (the notice as PDF, photos); its bytes are fetched one at a
 * time. PDF is recognised by its own first bytes ({@code %PDF-}, at most 10 MB); photos
 * are checked by the platform's one photo rule ({@link Photos}).
 */
public record WarningFile(long id, String fileName, String contentType, int sizeBytes, String uploadedBy,
		Instant uploadedAt) {

	static final int PDF_MAX_BYTES = 10 * 1024 * 1024;

	/** The file's media type; refuses empty, oversized and other files in Chinese. */
	static String checkedType(byte[] bytes) {
		if (bytes != null && bytes.length > 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D'
				&& bytes[3] == 'F' && bytes[4] == '-') {
			if (bytes.length > PDF_MAX_BYTES) {
				throw new InvalidInputException("file", "PDF 文件不能超过 10 MB");
			}
			return "application/pdf";
		}
		try {
			return Photos.checkedType(bytes);
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException("file", bytes == null || bytes.length == 0 ? "请选择要上传的文件"
					: "附件只接受 PDF（10 MB 以内）或 JPEG、PNG、WebP 照片（5 MB 以内）");
		}
	}

	/** A safe name to show and to download under. */
	static String cleanName(String name, String type) {
		String base = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").strip();
		if (base.length() > 100) {
			base = base.substring(base.length() - 100);
		}
		if (base.isEmpty()) {
			base = "附件";
		}
		String extension = switch (type) {
			case "application/pdf" -> ".pdf";
			case "image/png" -> ".png";
			case "image/webp" -> ".webp";
			default -> ".jpg";
		};
		return base.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? base : base + extension;
	}

}
