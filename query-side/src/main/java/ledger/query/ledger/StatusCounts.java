package ledger.query.ledger;

/**
 * Tasks counted by how they stand (completed on time or late, overdue, at risk, escalated, closed by a
 * decision): the one home of these counts for the ledger's totals and the statistics.
 */
public final class StatusCounts {

    private int tasks;
    private int completedOnTime;
    private int completedLate;
    private int overdue;
    private int atRisk;
    private int escalated;
    private int closedByDecision;

    /** One task more, with its {@link TaskStatus} name and, when completed, whether on time. */
    public void add(String status, Boolean onTime) {
        tasks++;
        switch (TaskStatus.valueOf(status)) {
            case COMPLETED -> {
                if (Boolean.TRUE.equals(onTime)) {
                    completedOnTime++;
                } else {
                    completedLate++;
                }
            }
            case OVERDUE -> overdue++;
            case AT_RISK -> atRisk++;
            case ESCALATED -> escalated++;
            case CANCELLED, MERGED -> closedByDecision++;
            case ON_TRACK -> {
            }
        }
    }

    public int tasks() {
        return tasks;
    }

    public int completedOnTime() {
        return completedOnTime;
    }

    public int completedLate() {
        return completedLate;
    }

    public int overdue() {
        return overdue;
    }

    public int atRisk() {
        return atRisk;
    }

    public int escalated() {
        return escalated;
    }

    public int closedByDecision() {
        return closedByDecision;
    }
}
