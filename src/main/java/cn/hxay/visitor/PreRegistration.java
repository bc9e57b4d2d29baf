package cn.hxay.visitor;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A teacher announces a visitor: who, why, whom to see, on which day, which car. */
public record PreRegistration(String name, String phone, String purpose, String host, String plate,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedOn) {

	public static PreRegistration empty() {
		return new PreRegistration(null, null, null, null, null, null);
	}

}
