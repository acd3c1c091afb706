package ledger.query.statistics;

import java.util.List;

/**
 * 统计: for each month from {@code from} to {@code to}, how the tasks of that month's ledger (its own and
 * those carried over) stood when the month ended (the current month: now), in all and per lead unit and
 * per lead leader; and the same over the whole period, where each task counts once, as it stood at the end
 * of the last month of the period that held it.
 */
public record StatisticsView(String from, String to, List<MonthFigures> months, Breakdown period) {

    public record MonthFigures(String month, Breakdown figures) {
    }

    /** All tasks, and per unit and per leader (by id; the page names them). */
    public record Breakdown(Figures total, List<Row> byUnit, List<Row> byLeader) {
    }

    public record Row(String id, Figures figures) {
    }

    /**
     * {@code onTimeRate} (按期完成率) is the share completed on time of the tasks that were due: completed
     * (on time or late) or overdue; null when none was. Urging notices are counted in the month they were
     * issued or went unanswered.
     */
    public record Figures(int tasks, int completedOnTime, int completedLate, int overdue, int atRisk, int escalated,
                          int closedByDecision, Double onTimeRate, int urgingIssued, int urgingUnanswered) {
    }
}
