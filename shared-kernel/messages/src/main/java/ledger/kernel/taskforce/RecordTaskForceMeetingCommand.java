package ledger.kernel.taskforce;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The task force met or moved on; what it discussed and agreed. */
public record RecordTaskForceMeetingCommand(@TargetAggregateIdentifier TaskForceId taskForceId, Actor actor,
        LocalDate heldOn,
                                            String minutes, Instant recordedAt) {

    public RecordTaskForceMeetingCommand {
        Require.present(taskForceId, "taskForceId");
        Require.present(actor, "actor");
        Require.present(heldOn, "heldOn");
        minutes = Require.text(minutes, "minutes", 8000);
        Require.present(recordedAt, "recordedAt");
    }
}
