package ledger.query.ledger;

import java.util.Optional;
import java.util.OptionalLong;

import ledger.query.infrastructure.ViewPositions;
import org.springframework.stereotype.Component;

/** A task's ledger row as it stood at a position, for readers outside the ledger feature (timelines). */
@Component
public class LedgerHistory {

    private final LedgerViews views;
    private final ViewPositions positions;

    LedgerHistory(LedgerViews views, ViewPositions positions) {
        this.views = views;
        this.positions = positions;
    }

    /**
     * As it stood once every event up to the position was applied (empty: now), after waiting
     * (bounded) until the view has come that far, so it is never a half-built past.
     */
    public Optional<LedgerTaskView> taskAsOf(String taskId, OptionalLong position) {
        positions.awaitAsOf(LedgerController.PROCESSOR, position);
        return views.taskAsOf(taskId, position.orElse(Long.MAX_VALUE));
    }
}
