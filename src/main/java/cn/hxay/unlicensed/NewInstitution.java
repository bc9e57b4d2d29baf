package cn.hxay.unlicensed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An unlicensed institution as found, typed on the form or sent to the API: every field
 * as text, so nothing typed is lost to a failed conversion;
 * {@link UnlicensedInstitutions} checks numbers, dates, coordinates and units field by
 * field.
 *
 * @param coordinateSystem {@code WGS84} (GPS) or {@code GCJ02} (copied from 高德, 腾讯 and
 * other Chinese map apps; converted to WGS-84 on entry)
 * @param deadline the date by which approval must be obtained (限期办证), {@code yyyy-MM-dd}
 */
public record NewInstitution(String kind,
		@NotBlank(message = "请填写名称") @Size(max = 100, message = "名称不能超过 100 字") @Pattern(
				regexp = UnlicensedInstitutions.PRINTABLE, message = "名称含有不可见的控制字符") String name,
		@NotBlank(message = "请填写地址") @Size(max = 200, message = "地址不能超过 200 字") @Pattern(
				regexp = UnlicensedInstitutions.PRINTABLE, message = "地址含有不可见的控制字符") String address,
		String coordinateSystem, String longitude, String latitude,
		@NotBlank(message = "请填写举办者") @Size(max = 100, message = "举办者不能超过 100 字") @Pattern(
				regexp = UnlicensedInstitutions.PRINTABLE, message = "举办者含有不可见的控制字符") String operator,
		String children, String stationId, String townshipId,
		@NotBlank(message = "请填写发现人或发现单位") @Size(max = 100, message = "发现人不能超过 100 字") @Pattern(
				regexp = UnlicensedInstitutions.PRINTABLE, message = "发现人含有不可见的控制字符") String foundBy,
		String foundOn,
		@NotBlank(message = "请填写责任部门") @Size(max = 100, message = "责任部门不能超过 100 字") @Pattern(
				regexp = UnlicensedInstitutions.PRINTABLE, message = "责任部门含有不可见的控制字符") String department,
		String deadline) {

	static NewInstitution blank(String today, String deadline) {
		return new NewInstitution("", "", "", "GCJ02", "", "", "", "", "", "", "", today, "", deadline);
	}

}
