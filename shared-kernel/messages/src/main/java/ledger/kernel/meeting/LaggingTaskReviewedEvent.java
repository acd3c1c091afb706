package ledger.kernel.meeting;

import java.time.Instant;

import ledger.kernel.task.TaskId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record LaggingTaskReviewedEvent(MeetingId meetingId, TaskId taskId, String causes, String countermeasures,
                                       Instant recordedAt) {
}
