package cn.hxay.compliance;

import java.util.function.Supplier;

/**
 * What the stored summary of a school needs from one finding: its status, the metric it
 * counts towards, and, for the failing ones, the reason (built on demand).
 */
record Verdict(ComplianceStatus status, Metric metric, Supplier<String> explanation) {

	static Verdict of(Finding finding) {
		return new Verdict(finding.status(), finding.metric(), finding::explanation);
	}

}
