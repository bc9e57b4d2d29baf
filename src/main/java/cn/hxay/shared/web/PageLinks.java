package cn.hxay.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to other pages of a filtered list that keep the filter, for the pager fragment.
 */
public final class PageLinks {

	private final String path;

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	private PageLinks(String path) {
		this.path = path;
	}

	public static PageLinks to(String path) {
		return new PageLinks(path);
	}

	/** Keeps a filter parameter in every link; empty values are left out. */
	public PageLinks with(String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			parameters.put(name, value);
		}
		return this;
	}

	public String page(int page) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		parameters.forEach(builder::queryParam);
		builder.queryParam("page", page);
		return builder.encode().build().toUriString();
	}

	/**
	 * The same list as a different resource, e.g. its Excel export, with the same filter.
	 */
	public String as(String otherPath) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(otherPath);
		parameters.forEach(builder::queryParam);
		return builder.encode().build().toUriString();
	}

}
