package ledger.kernel.meeting;

import java.time.Instant;

import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.Require;
import ledger.kernel.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The meeting decides to cancel a task, or to merge it into another ({@code intoTaskId}); a task
 * is closed only by such a recorded decision.
 */
public record DecideTaskCancellationCommand(@TargetAggregateIdentifier MeetingId meetingId, TaskId taskId,
                                            TaskId intoTaskId, String reason, Instant decidedAt) {

    public DecideTaskCancellationCommand {
        Require.present(meetingId, "meetingId");
        Require.present(taskId, "taskId");
        if (taskId.equals(intoTaskId)) {
            throw new InvalidMessageException("intoTaskId", "must be another task");
        }
        reason = Require.text(reason, "reason", 2000);
        Require.present(decidedAt, "decidedAt");
    }
}
