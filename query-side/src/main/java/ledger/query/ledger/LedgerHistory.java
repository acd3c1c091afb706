package ledger.query.ledger;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** A task's ledger row as it stood at a position, for readers outside the ledger feature (timelines). */
@Component
public class LedgerHistory {

    private final LedgerViews views;

    LedgerHistory(LedgerViews views) {
        this.views = views;
    }

    public Optional<LedgerTaskView> taskAsOf(String taskId, long position) {
        return views.taskAsOf(taskId, position);
    }
}
