package ledger.command.task;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * How long a unit has to sign for a task (签收): {@code receiptDays} working days after the day of
 * assignment. Working days are Monday to Friday; public holidays and swapped working weekends are
 * not known to the system, so they count as the weekday they fall on.
 */
record ReceiptPolicy(int receiptDays) {

    /** The last day on which signing is on time. */
    LocalDate lastDay(LocalDate assignedOn) {
        LocalDate day = assignedOn;
        int counted = 0;
        while (counted < receiptDays) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day;
    }
}
