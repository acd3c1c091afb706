package ledger.command.task;

import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.kernel.task.TaskId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Whether a task is on record, for commands of other aggregates that name it (one key lookup). */
@Component
public class RecordedTasks {

    private final EventStore events;

    RecordedTasks(EventStore events) {
        this.events = events;
    }

    /** Refuses with {@code code} when no task {@code task} is recorded. */
    public void require(TaskId task, ErrorCode code) {
        if (events.lastSequenceNumberFor(task.value()).isEmpty()) {
            throw new LedgerException(code, "No task " + task + " is recorded");
        }
    }
}
