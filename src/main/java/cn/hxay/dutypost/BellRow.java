package cn.hxay.dutypost;

/**
 * One bell as entered: kind, for whom, time ({@code HH:mm}) and weekday pattern (ISO day
 * digits, e.g. {@code 12345}).
 */
public record BellRow(Period kind, String label, String at, String weekdays) {

}
