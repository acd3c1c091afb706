package ledger.kernel.task;

import java.time.Instant;

import ledger.kernel.security.Actor;
import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Report how far a task has come, as {@code reporter}, optionally naming the milestone reached. */
public record ReportProgressCommand(
        @TargetAggregateIdentifier TaskId taskId,
        Actor reporter,
        int percent,
        String narrative,
        Instant reportedAt,
        String milestoneReached) {

    public ReportProgressCommand {
        Require.present(taskId, "taskId");
        Require.present(reporter, "reporter");
        Require.between(percent, 0, 100, "percent");
        narrative = Require.text(narrative, "narrative", 4000);
        Require.present(reportedAt, "reportedAt");
        milestoneReached = milestoneReached == null || milestoneReached.isBlank() ? null : milestoneReached.strip();
    }
}
