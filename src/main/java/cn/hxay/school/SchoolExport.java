package cn.hxay.school;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import cn.hxay.organisation.DataScope;
import cn.hxay.organisation.Organisation;
import cn.hxay.organisation.Organisations;

/**
 * The filtered school list as an Excel file in the import layout, streamed row by row.
 */
final class SchoolExport {

	private SchoolExport() {
	}

	static void write(SchoolRegistry registry, Organisations organisations, DataScope scope, SchoolFilter filter,
			OutputStream out) throws IOException {
		// bureaus, stations and townships are few: name them all up front rather than per
		// row
		Map<Long, String> names = organisations.units(null, null)
			.stream()
			.collect(Collectors.toMap(Organisation::id, Organisation::name));
		SchoolWorkbook.write(out, sink -> registry.forEach(scope, filter, school -> {
			SchoolDetails d = school.details();
			sink.accept(Arrays.asList(d.code(), d.name(), d.kind().label(), d.ownership().label(), d.locality().label(),
					yesNo(d.boarding()), d.students(), d.boarders(), d.staff(), d.address(), d.longitude(),
					d.latitude(), d.headmasterName(), d.headmasterPhone(), d.safetyLeadName(), d.safetyLeadPhone(),
					names.get(d.educationBureauId()), names.get(d.policeStationId()),
					d.townshipId() == null ? null : names.get(d.townshipId()), yesNo(d.keySecurityUnit()),
					yesNo(d.licensed())));
		}));
	}

	private static String yesNo(boolean value) {
		return value ? "是" : "否";
	}

}
