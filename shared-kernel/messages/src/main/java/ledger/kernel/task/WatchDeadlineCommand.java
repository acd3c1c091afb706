package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the deadline watch: the time is {@code now}; the task records that it fell at risk or
 * missed its due date if that has happened and is not yet recorded. Sending it twice is harmless.
 */
public record WatchDeadlineCommand(@TargetAggregateIdentifier TaskId taskId, Instant now, int atRiskDays) {

    public WatchDeadlineCommand {
        Require.present(taskId, "taskId");
        Require.present(now, "now");
        Require.between(atRiskDays, 0, 60, "atRiskDays");
    }
}
