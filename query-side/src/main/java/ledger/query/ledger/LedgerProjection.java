package ledger.query.ledger;

import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.ProgressReportedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Builds the monthly ledger. Idempotent: each task view remembers the last task event applied
 * (its sequence number), so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup("ledger")
class LedgerProjection {

    private final LedgerViews views;

    LedgerProjection(LedgerViews views) {
        this.views = views;
    }

    @EventHandler
    void on(TaskAssignedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        String month = event.ledgerMonth().toString();
        if (views.task(event.taskId().value()).isEmpty()) {
            views.save(new LedgerTaskView(event.taskId().value(), month, event.title(), event.source().name(),
                    event.source().label(), event.leadLeaderId().value(), event.leadUnitId().value(),
                    event.coUnitIds().stream().map(UnitId::value).toList(), event.dueDate(),
                    event.assignedAt(), null, 0, sequence, position(token)));
        }
        // outside the check: a crash between the two writes is repaired by the redelivery
        views.addToMonth(month, event.taskId().value());
    }

    @EventHandler
    void on(ProgressReportedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        views.task(event.taskId().value())
             .filter(task -> sequence > task.version())
             .ifPresent(task -> views.save(task.withProgress(
                     new LedgerTaskView.Progress(event.percent(), event.narrative(), event.reportedAt()),
                     sequence, position(token))));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
