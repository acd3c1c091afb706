package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the deadline watch: the time is {@code now}; the task records that a unit has not signed
 * for it within {@code receiptDays} working days, or that an urging notice's day to reply passed,
 * if that has happened and is not yet recorded. Sending it twice is harmless.
 */
public record WatchFollowUpsCommand(@TargetAggregateIdentifier TaskId taskId, Instant now, int receiptDays) {

    public WatchFollowUpsCommand {
        Require.present(taskId, "taskId");
        Require.present(now, "now");
        Require.between(receiptDays, 1, 30, "receiptDays");
    }
}
