package cn.hxay.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.Violation;

import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page of a register: the chosen Excel file read by the module's importer and
 * its outcome shown ({@code outcome}), or why it was refused ({@code problems}), with the
 * file's name.
 */
public final class WorkbookImports {

	private WorkbookImports() {
	}

	/**
	 * Reads the file with {@code importer} and answers {@code page} to show the result.
	 */
	public static String show(MultipartFile file, Model model, String page, Function<InputStream, ?> importer)
			throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("problems", List.of("请选择要导入的 Excel 文件"));
			return page;
		}
		try (InputStream in = file.getInputStream()) {
			model.addAttribute("outcome", importer.apply(in));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems", ex.violations().stream().map(Violation::message).toList());
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		return page;
	}

}
