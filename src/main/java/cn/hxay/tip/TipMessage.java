package cn.hxay.tip;

import java.time.Instant;

/**
 * One line of a tip's conversation: the reporter's addition, a handler's reply (shown to
 * the reporter, signed by the side only) or an internal follow-up note (handlers only).
 */
public record TipMessage(long id, Kind kind, String authorSide, String authorName, String body, Instant writtenAt) {

	public enum Kind {

		REPORTER, REPLY, NOTE

	}

	public boolean shownToReporter() {
		return kind != Kind.NOTE;
	}

}
