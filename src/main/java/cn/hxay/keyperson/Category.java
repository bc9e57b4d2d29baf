package cn.hxay.keyperson;

/**
 * A category of key person from the seeds, configurable in {@code key_person_category}:
 * its Chinese label and how many days may pass between visits at each risk level.
 */
public record Category(String code, String label, int lowDays, int mediumDays, int highDays, String source) {

	public int daysFor(RiskLevel risk) {
		return switch (risk) {
			case LOW -> lowDays;
			case MEDIUM -> mediumDays;
			case HIGH -> highDays;
		};
	}

}
