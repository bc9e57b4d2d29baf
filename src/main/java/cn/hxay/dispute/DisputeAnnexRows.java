package cn.hxay.dispute;

import java.time.LocalDate;
import java.util.List;

import cn.hxay.inspection.AnnexRecordSource;
import cn.hxay.organisation.DataScope;

import org.springframework.stereotype.Component;

/**
 * Annex 1's 涉校不稳定因素情况 from the dispute ledger, for the inspection form. The item is
 * sensitive on the checklist, so inspection shows it to police readers only.
 */
@Component
class DisputeAnnexRows implements AnnexRecordSource {

	private final Disputes disputes;

	DisputeAnnexRows(Disputes disputes) {
		this.disputes = disputes;
	}

	@Override
	public List<RecordAnswer> answers(DataScope scope, long schoolId, LocalDate from, LocalDate to) {
		DisputeCount c = disputes.countsBySchool(scope).get(schoolId);
		return List.of(new RecordAnswer("instability", text(c), "来自矛盾纠纷台账（" + disputes.today() + "）"));
	}

	/** The Annex's text for a school's disputes. */
	static String text(DisputeCount c) {
		if (c == null || c.total() == 0) {
			return "未登记矛盾纠纷";
		}
		return "矛盾纠纷 " + c.total() + " 件，未化解 " + c.unresolved() + " 件（上报升级 " + c.escalated() + " 件，逾期 " + c.overdue()
				+ " 件）";
	}

}
