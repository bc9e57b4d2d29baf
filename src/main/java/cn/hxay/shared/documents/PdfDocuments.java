package cn.hxay.shared.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.stereotype.Component;

/**
 * Renders official documents (notices, report forms) from XHTML to PDF with the CJK font
 * the platform carries, so Chinese text is embedded whatever fonts the server has. Style
 * sheets name the font family {@value #FONT_FAMILY}.
 */
@Component
public class PdfDocuments {

	public static final String FONT_FAMILY = "WenQuanYi Micro Hei";

	private final Path font;

	PdfDocuments() {
		try (InputStream in = getClass().getResourceAsStream("/fonts/wqy-microhei.ttc")) {
			Path tmp = Files.createTempFile("hxay-font", ".ttc");
			Files.write(tmp, in.readAllBytes());
			tmp.toFile().deleteOnExit();
			this.font = tmp;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Renders a complete XHTML document. */
	public byte[] render(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(font.toFile(), FONT_FAMILY);
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Escapes text for an XHTML document (XML entities only: HTML's named entities such
	 * as {@code &ldquo;} do not exist in XML); {@code null} becomes empty.
	 */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					// characters XML 1.0 cannot carry are dropped rather than breaking
					// the document
					if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
