package ledger.query.ledger;

import java.util.List;

/**
 * The monthly ledger (月度工作台账): the month's key tasks that match the filters, one page of
 * them in the order they were assigned, and totals per lead unit and per lead leader over the
 * whole month. {@code asOfPosition} is set when the ledger is read as it stood at an earlier
 * position (the last event included).
 */
public record MonthLedgerView(String month, Long asOfPosition, int taskCount, int page, int size, List<LedgerTaskView> tasks,
                              List<Totals> totalsByUnit, List<Totals> totalsByLeader) {

    /** Counts for one unit or leader: assigned, and how those tasks stand. */
    public record Totals(String id, int assigned, int completedOnTime, int completedLate, int overdue, int atRisk,
                         int escalated, int cancelledOrMerged) {

        static Totals of(String id, List<LedgerTaskView> tasks) {
            StatusCounts counts = new StatusCounts();
            tasks.forEach(task -> counts.add(task.status(), task.completedOnTime()));
            return new Totals(id, counts.tasks(), counts.completedOnTime(), counts.completedLate(), counts.overdue(),
                    counts.atRisk(), counts.escalated(), counts.closedByDecision());
        }
    }
}
