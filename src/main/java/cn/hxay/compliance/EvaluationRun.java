package cn.hxay.compliance;

import java.time.OffsetDateTime;

/**
 * A full re-evaluation in the background and how far it got.
 */
public record EvaluationRun(long id, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt, int total,
		int done, String status, String message) {

	public int percent() {
		return total == 0 ? (finishedAt == null ? 0 : 100) : done * 100 / total;
	}

	public boolean running() {
		return "RUNNING".equals(status);
	}

}
