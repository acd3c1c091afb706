package ledger.kernel.meeting;

import java.time.Instant;

import ledger.kernel.shared.Require;
import ledger.kernel.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** For a lagging task: why it lags (原因) and what will be done (对策措施). */
public record ReviewLaggingTaskCommand(@TargetAggregateIdentifier MeetingId meetingId, TaskId taskId, String causes,
                                       String countermeasures, Instant recordedAt) {

    public ReviewLaggingTaskCommand {
        Require.present(meetingId, "meetingId");
        Require.present(taskId, "taskId");
        causes = Require.text(causes, "causes", 4000);
        countermeasures = Require.text(countermeasures, "countermeasures", 4000);
        Require.present(recordedAt, "recordedAt");
    }
}
