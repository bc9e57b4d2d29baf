package cn.hxay.keyperson;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;

/** The visit form as typed on a phone. */
record VisitForm(@Pattern(regexp = "^$|^\\d{4}-\\d{2}-\\d{2}$", message = "走访日期格式应为 yyyy-MM-dd") String visitedOn,
		String officer, String findings) {

	NewVisit visit() {
		return new NewVisit(KeyPersonForm.blank(visitedOn) ? null : LocalDate.parse(visitedOn), officer, findings);
	}

}
