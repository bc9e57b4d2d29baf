package cn.hxay.warning;

/**
 * A warning with the counts of the deliveries the reader sees: read, replied and unread
 * count exactly the lists of {@link WarningView}.
 */
public record WarningSummary(Warning warning, int schools, int read, int replied, int unread) {

}
