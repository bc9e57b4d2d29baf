package cn.hxay.posture;

/**
 * A school's security posture was recorded anew.
 */
public record PostureChanged(long schoolId) {
}
