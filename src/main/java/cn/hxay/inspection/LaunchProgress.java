package cn.hxay.inspection;

/**
 * How far the handing out of a campaign's forms has got: {@code done} of {@code total}
 * schools, in state RUNNING, DONE or FAILED (then with a message).
 *
 * @param seconds from the start of the launch to its end, or until now
 */
public record LaunchProgress(long campaignId, int total, int done, String state, String message, double seconds) {

	public boolean running() {
		return "RUNNING".equals(state);
	}

	public boolean failed() {
		return "FAILED".equals(state);
	}

	public int percent() {
		return total == 0 ? 100 : (int) (100L * done / total);
	}

}
