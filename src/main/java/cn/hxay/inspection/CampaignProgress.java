package cn.hxay.inspection;

/**
 * A county's figures in a campaign.
 *
 * @param submitted submitted or accepted
 * @param missed not submitted by the complete-by date
 */
public record CampaignProgress(String regionCode, String regionName, long assigned, long submitted, long accepted,
		long returned, long missed, long sampled) {

	CampaignProgress named(String name) {
		return new CampaignProgress(regionCode, name, assigned, submitted, accepted, returned, missed, sampled);
	}

	/** Submitted and waiting for acceptance (已提交待验收). */
	public long waiting() {
		return submitted - accepted;
	}

	public double submittedRate() {
		return assigned == 0 ? 0 : Math.round(submitted * 1000.0 / assigned) / 10.0;
	}

	public double acceptedRate() {
		return assigned == 0 ? 0 : Math.round(accepted * 1000.0 / assigned) / 10.0;
	}

}
