package ledger.kernel.task;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A task unit asks for another due date, giving the reason; the lead leader decides. */
public record RequestDeadlineChangeCommand(@TargetAggregateIdentifier TaskId taskId, Actor requester,
                                           LocalDate proposedDueDate, String reason, Instant requestedAt) {

    public RequestDeadlineChangeCommand {
        Require.present(taskId, "taskId");
        Require.present(requester, "requester");
        Require.present(proposedDueDate, "proposedDueDate");
        reason = Require.text(reason, "reason", 2000);
        Require.present(requestedAt, "requestedAt");
    }
}
