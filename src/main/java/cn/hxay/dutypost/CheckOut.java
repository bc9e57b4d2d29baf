package cn.hxay.dutypost;

import java.math.BigDecimal;

/** The position at check-out; all optional. */
public record CheckOut(BigDecimal latitude, BigDecimal longitude, String place) {

}
