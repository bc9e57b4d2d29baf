package cn.hxay.alarm;

import java.util.Set;

/**
 * Where an alarm stands. Following GB 50394 an actionable alarm stays latched until a
 * person closes it; log-only signals are {@link #LOGGED} from the start.
 */
public enum AlarmState {

	NEW("待接警"), ACKNOWLEDGED("已接警"), DISPATCHED("已派警"), ARRIVED("已到场"), CLOSED("处置完毕"), LOGGED("仅记录");

	private final String label;

	AlarmState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isOpen() {
		return this != CLOSED && this != LOGGED;
	}

	/** The states an alarm may be in for the given action; anything else is refused. */
	Set<AlarmState> before(AlarmAction action) {
		return switch (action) {
			case ACKNOWLEDGE -> Set.of(NEW);
			case DISPATCH -> Set.of(ACKNOWLEDGED);
			case ARRIVE -> Set.of(DISPATCHED);
			case CLOSE -> Set.of(ACKNOWLEDGED, DISPATCHED, ARRIVED);
		};
	}

}
