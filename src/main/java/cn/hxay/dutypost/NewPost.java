package cn.hxay.dutypost;

import java.math.BigDecimal;

/** A post to set up at a school's gate; coordinates optional (WGS-84). */
public record NewPost(Long schoolId, String gate, BigDecimal latitude, BigDecimal longitude) {

}
