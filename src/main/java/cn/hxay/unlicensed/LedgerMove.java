package cn.hxay.unlicensed;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A move on the ledger, as typed: 办证 needs the licence number, 取缔 and 复查 a note; a
 * re-check that finds the institution open again ({@code reopened = true}) needs a new
 * deadline.
 *
 * @param version the version the move was based on
 */
public record LedgerMove(String version,
		@Size(max = 60, message = "证照编号不能超过 60 字") @Pattern(regexp = UnlicensedInstitutions.PRINTABLE,
				message = "证照编号含有不可见的控制字符") String licenceNo,
		@Size(max = 1000, message = "说明不能超过 1000 字") @Pattern(regexp = UnlicensedInstitutions.PRINTABLE,
				message = "说明含有不可见的控制字符") String note,
		String reopened, String deadline) {

}
