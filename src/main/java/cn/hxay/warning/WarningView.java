package cn.hxay.warning;

import java.util.List;

/**
 * One warning with the receipts the reader may see (a school: its own; a sender: every
 * school it went to).
 */
public record WarningView(Warning warning, List<Receipt> receipts) {

	public List<Receipt> readList() {
		return receipts.stream().filter(Receipt::read).toList();
	}

	public List<Receipt> repliedList() {
		return receipts.stream().filter(Receipt::replied).toList();
	}

	public List<Receipt> unreadList() {
		return receipts.stream().filter(r -> !r.read()).toList();
	}

}
