package cn.hxay.visitor;

/** One school's gate figures for a day, for bureaus and police. */
public record SchoolDay(long schoolId, String schoolName, int visits, int inside, int refused) {
}
