package cn.hxay.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One county's line of the command dashboard; each figure is the count of the list it
 * links to, within the user's scope.
 *
 * @param regionCode the county's GB/T 2260 code
 * @param regionName its name
 * @param schools schools in the registry
 * @param compliant schools meeting every requirement at their latest evaluation
 * @param evaluated schools evaluated
 * @param hazardsOpen hazards not yet closed (销号)
 * @param hazardsOverdue open hazards past their deadline
 * @param hazardsSupervised open hazards under 挂牌督办
 * @param hazardsTotal all hazards raised
 * @param formsAssigned self-inspection forms of the current campaign
 * @param formsAccepted of which accepted
 * @param devicesRequired devices that must be networked
 * @param devicesOnline of which online now
 * @param rank place by compliance rate (1 = best)
 */
public record CountyFigures(String regionCode, String regionName, long schools, long compliant, long evaluated,
		long hazardsOpen, long hazardsOverdue, long hazardsSupervised, long hazardsTotal, long formsAssigned,
		long formsAccepted, long devicesRequired, long devicesOnline, int rank) {

	@JsonProperty("complianceRate")
	public Double complianceRate() {
		return percent(compliant, evaluated);
	}

	@JsonProperty("rectificationRate")
	public Double rectificationRate() {
		return percent(hazardsTotal - hazardsOpen, hazardsTotal);
	}

	@JsonProperty("campaignRate")
	public Double campaignRate() {
		return percent(formsAccepted, formsAssigned);
	}

	@JsonProperty("networkingRate")
	public Double networkingRate() {
		return percent(devicesOnline, devicesRequired);
	}

	CountyFigures ranked(int rank) {
		return new CountyFigures(regionCode, regionName, schools, compliant, evaluated, hazardsOpen, hazardsOverdue,
				hazardsSupervised, hazardsTotal, formsAssigned, formsAccepted, devicesRequired, devicesOnline, rank);
	}

	/** Percent with one decimal, or {@code null} when there is nothing to count. */
	static Double percent(long part, long whole) {
		return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
	}

}
