package cn.hxay.dashboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * A school's risk score: the sum of its terms' points, with its band for the map.
 */
public record SchoolRisk(long schoolId, String schoolName, String regionCode, BigDecimal longitude, BigDecimal latitude,
		List<RiskTerm> terms) {

	public long score() {
		return terms.stream().mapToLong(RiskTerm::points).sum();
	}

	public RiskBand band() {
		return RiskBand.of(score());
	}

}
