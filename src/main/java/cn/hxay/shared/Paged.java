package cn.hxay.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list.
 *
 * @param items the rows on this page
 * @param page zero-based page number
 * @param size page size asked for
 * @param total rows in the whole list
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	/** First row number on this page, counted from 1, for "第 x–y 条". */
	public long firstRow() {
		return total == 0 ? 0 : (long) page * size + 1;
	}

	public long lastRow() {
		return Math.min(total, (long) (page + 1) * size);
	}

	public <R> Paged<R> map(Function<T, R> mapper) {
		return new Paged<>(items.stream().map(mapper).toList(), page, size, total);
	}

}
