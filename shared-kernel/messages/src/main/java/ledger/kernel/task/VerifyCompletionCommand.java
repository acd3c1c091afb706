package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The supervision group confirms a claimed completion (核验). */
public record VerifyCompletionCommand(@TargetAggregateIdentifier TaskId taskId, Actor verifier, String note,
                                      Instant verifiedAt) {

    public VerifyCompletionCommand {
        Require.present(taskId, "taskId");
        Require.present(verifier, "verifier");
        note = note == null || note.isBlank() ? null : Require.text(note, "note", 2000);
        Require.present(verifiedAt, "verifiedAt");
    }
}
