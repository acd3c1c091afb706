package ledger.command.task;

import java.time.LocalDate;

/**
 * When a task falls at risk (yellow) and when it has missed its due date (red): the one home of
 * that rule. The task applies it to decide what to record; the deadline watch applies it to know
 * on which day a task next needs telling the time.
 */
record DeadlinePolicy(int atRiskDays) {

    enum Light { AT_RISK, MISSED }

    /** What has happened by {@code today} for the current due date and is not yet on record, if anything. */
    Light due(LocalDate today, LocalDate dueDate, LocalDate atRiskFor, LocalDate missedFor) {
        if (dueDate.equals(missedFor)) {
            return null;
        }
        if (today.isAfter(dueDate)) {
            return Light.MISSED;
        }
        if (!dueDate.equals(atRiskFor) && !today.isBefore(atRiskFrom(dueDate))) {
            return Light.AT_RISK;
        }
        return null;
    }

    /** The first day on which {@link #due} can find something to record, or null when nothing more can happen. */
    LocalDate nextCheckOn(LocalDate dueDate, LocalDate atRiskFor, LocalDate missedFor) {
        if (dueDate.equals(missedFor)) {
            return null;
        }
        if (dueDate.equals(atRiskFor)) {
            return dueDate.plusDays(1);
        }
        return atRiskFrom(dueDate);
    }

    private LocalDate atRiskFrom(LocalDate dueDate) {
        return dueDate.minusDays(atRiskDays);
    }
}
