package cn.hxay.dutypost;

import java.math.BigDecimal;

/**
 * A check-in at a post: the phone's position when it gave one, else a typed place (one of
 * them is required); whether a police car with lights is at the gate.
 *
 * @param officerName who stands there (the signed-in officer by default; an auxiliary may
 * be checked in by the officer's phone)
 */
public record NewCheckIn(String officerName, OfficerKind officerKind, BigDecimal latitude, BigDecimal longitude,
		Integer accuracy, String place, Boolean carPresent) {

}
