package ledger.kernel.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DeliberationMeetingClosedEvent(MeetingId meetingId, int lateTasksReviewed, int tasksAssigned,
                                             Instant closedAt) {
}
