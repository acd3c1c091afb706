package ledger.query.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A director's deliberation meeting (局长议事会) as its record reads: the month and the ledger position it
 * reviewed, each lagging task's causes and countermeasures, the tasks it cancelled or merged, next month's
 * tasks it assigned, and when it closed. {@code version} is the last meeting event applied.
 */
@Document("meetings")
public record MeetingView(
        @Id String meetingId,
        String month,
        LocalDate heldOn,
        long ledgerPosition,
        Instant convenedAt,
        String convenedBy,
        List<Review> reviews,
        List<Cancellation> cancellations,
        List<Assignment> assignments,
        Instant closedAt,
        long version) {

    /** 原因与对策措施 for one lagging task. */
    public record Review(String taskId, String causes, String countermeasures, Instant recordedAt) {
    }

    /** The task is cancelled, or merged into {@code intoTaskId} when that is set. */
    public record Cancellation(String taskId, String intoTaskId, String reason, Instant decidedAt) {
    }

    /** One of next month's key tasks, with its requirement's source, its lead leader and lead unit. */
    public record Assignment(String taskId, String title, String description, String source, String sourceLabel,
                             String sourceReference, String leadLeaderId,
                             String leadUnitId, List<String> coUnitIds, LocalDate dueDate, String ledgerMonth,
                             Instant assignedAt) {
    }

    public boolean closed() {
        return closedAt != null;
    }

    public Optional<Review> reviewOf(String taskId) {
        return reviews.stream().filter(r -> r.taskId().equals(taskId)).findFirst();
    }

    public Optional<Cancellation> cancellationOf(String taskId) {
        return cancellations.stream().filter(c -> c.taskId().equals(taskId)).findFirst();
    }

    MeetingView with(List<Review> reviews, List<Cancellation> cancellations, List<Assignment> assignments,
                     Instant closedAt, long version) {
        return new MeetingView(meetingId, month, heldOn, ledgerPosition, convenedAt, convenedBy, List.copyOf(reviews),
                List.copyOf(cancellations), List.copyOf(assignments), closedAt, version);
    }
}
