package cn.hxay.school;

/**
 * A registered school's details were changed.
 */
public record SchoolChanged(long schoolId) {
}
