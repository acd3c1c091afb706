package ledger.query.ledger;

/** What the ledger says of a task (its {@link LedgerTaskView#status()}), as a filter takes it. */
public enum TaskStatus {
    ON_TRACK, AT_RISK, OVERDUE, COMPLETED, ESCALATED, CANCELLED, MERGED;

    /**
     * The one home of the status rule: closed by a decision (merged or cancelled), else completed, else
     * escalated to a task force, else what the deadline watch last said ({@code deadlineState}).
     */
    public static String of(boolean closedByDecision, boolean merged, boolean completed, boolean escalated,
                            String deadlineState) {
        return closedByDecision ? (merged ? MERGED.name() : CANCELLED.name())
                : completed ? COMPLETED.name()
                : escalated ? ESCALATED.name()
                : deadlineState;
    }
}
