package ledger.kernel.meeting;

import java.time.Instant;

import ledger.kernel.task.TaskId;
import org.axonframework.serialization.Revision;

/** Part of the meeting's record: the task is cancelled, or merged into {@code intoTaskId} when set. */
@Revision("1")
public record TaskCancellationDecidedEvent(MeetingId meetingId, TaskId taskId, TaskId intoTaskId, String reason,
                                           Instant decidedAt) {
}
