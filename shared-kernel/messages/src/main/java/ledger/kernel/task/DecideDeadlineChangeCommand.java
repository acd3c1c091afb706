package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lead leader approves or declines the pending deadline change request. */
public record DecideDeadlineChangeCommand(@TargetAggregateIdentifier TaskId taskId, Actor leader, boolean approved,
                                          String note, Instant decidedAt) {

    public DecideDeadlineChangeCommand {
        Require.present(taskId, "taskId");
        Require.present(leader, "leader");
        note = note == null || note.isBlank() ? null : Require.text(note, "note", 2000);
        Require.present(decidedAt, "decidedAt");
    }
}
