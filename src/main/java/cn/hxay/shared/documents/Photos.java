package cn.hxay.shared.documents;

import cn.hxay.shared.InvalidInputException;

/**
 * Rules for photos kept as evidence (inspection items, hazards): JPEG, PNG or WebP by the
 * file's own first bytes (never by its name or the browser's word), at most 5 MB.
 */
public final class Photos {

	public static final int MAX_BYTES = 5 * 1024 * 1024;

	private Photos() {
	}

	/**
	 * The photo's media type; refuses empty, oversized and non-image files in Chinese.
	 */
	public static String checkedType(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException("photo", "请选择照片");
		}
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInputException("photo", "照片不能超过 5 MB");
		}
		String type = typeOf(bytes);
		if (type == null) {
			throw new InvalidInputException("photo", "只接受 JPEG、PNG 或 WebP 格式的照片");
		}
		return type;
	}

	/**
	 * The image type from the first bytes, or {@code null} when it is none of the three.
	 */
	public static String typeOf(byte[] b) {
		if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
			return "image/jpeg";
		}
		if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
			return "image/png";
		}
		if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
				&& b[10] == 'B' && b[11] == 'P') {
			return "image/webp";
		}
		return null;
	}

}
