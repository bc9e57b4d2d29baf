package cn.hxay.dashboard;

/**
 * The police side's alarm figures for today (Asia/Shanghai), shown to police users only.
 *
 * @param today alarms and signals received today
 * @param notClosed alarms in the console queue (not yet 处置完毕)
 * @param meanMinutesToAcknowledge mean minutes from receipt to 接警 today, or {@code null}
 * @param meanMinutesToArrive mean minutes from receipt to 到场 today, or {@code null}
 */
public record AlarmFigures(long today, long notClosed, Double meanMinutesToAcknowledge, Double meanMinutesToArrive) {
}
