package ledger.kernel.task;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProgressReportedEvent(
        TaskId taskId,
        int percent,
        String narrative,
        Instant reportedAt,
        String milestoneReached) {
}
