package cn.hxay.keyperson;

import jakarta.validation.constraints.Pattern;

/** The transfer form on the detail page, as typed. */
record TransferForm(@Pattern(regexp = "^$|^\\d{1,18}$", message = "请选择接收派出所") String stationId, String address,
		@Pattern(regexp = "^$|^-?\\d{1,3}(\\.\\d{1,8})?$", message = "经度应为数字，如 119.974123") String longitude,
		@Pattern(regexp = "^$|^-?\\d{1,2}(\\.\\d{1,8})?$", message = "纬度应为数字，如 31.811234") String latitude,
		String officer, String reason, @Pattern(regexp = "^$|^\\d{1,9}$", message = "版本号无效") String version) {

	Transfer transfer() {
		return new Transfer(KeyPersonForm.blank(stationId) ? null : Long.valueOf(stationId), address,
				KeyPersonForm.decimal(longitude), KeyPersonForm.decimal(latitude), officer, reason);
	}

}
