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

	/**
	 * A page number past the last page was asked for (e.g. an old link after rows were
	 * removed, or a hand-typed address): the page is empty and says so instead of
	 * counting rows that are not there.
	 */
	public boolean beyondEnd() {
		return page > 0 && items.isEmpty() && page >= totalPages();
	}

	/** Zero-based number of the last page that has rows (0 for an empty list). */
	public int lastPage() {
		return Math.max(0, totalPages() - 1);
	}

	/** First row number on this page, counted from 1, for "第 x–y 条"; 0 when none. */
	public long firstRow() {
		return total == 0 || beyondEnd() ? 0 : (long) page * size + 1;
	}

	public long lastRow() {
		return beyondEnd() ? 0 : Math.min(total, (long) (page + 1) * size);
	}

	public <R> Paged<R> map(Function<T, R> mapper) {
		return new Paged<>(items.stream().map(mapper).toList(), page, size, total);
	}

}
