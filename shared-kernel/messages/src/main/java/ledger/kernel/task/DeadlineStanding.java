package ledger.kernel.task;

import java.time.LocalDate;

/**
 * What a task answers the deadline watch: its due date now, and for which due date it has recorded
 * falling at risk and missing the date; {@code open} false once nothing more can fall due.
 */
public record DeadlineStanding(LocalDate dueDate, LocalDate atRiskFor, LocalDate missedFor, boolean open) {
}
