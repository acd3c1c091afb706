package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sign for a task (签收) for the receiver's own unit: the lead unit's part or a co-unit's. */
public record ReceiveTaskCommand(@TargetAggregateIdentifier TaskId taskId, Actor receiver, Instant receivedAt) {

    public ReceiveTaskCommand {
        Require.present(taskId, "taskId");
        Require.present(receiver, "receiver");
        Require.present(receivedAt, "receivedAt");
    }
}
