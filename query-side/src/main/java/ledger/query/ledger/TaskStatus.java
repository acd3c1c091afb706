package ledger.query.ledger;

/** What the ledger says of a task (its {@link LedgerTaskView#status()}), as a filter takes it. */
public enum TaskStatus {
    ON_TRACK, AT_RISK, OVERDUE, COMPLETED, ESCALATED, CANCELLED, MERGED
}
