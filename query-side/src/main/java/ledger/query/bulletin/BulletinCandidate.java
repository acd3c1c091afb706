package ledger.query.bulletin;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A fact the supervision group may put in a month's bulletin as a problem (存在问题): an urging
 * notice that went unanswered or was answered late, or a unit that signed for a task late. Shaped
 * so that a drafted entry can name the same units, cadres, tasks and evidence events.
 * {@code month} is the month the fact was recorded in; {@code evidence} its events, in order.
 */
@Document("bulletin_candidates")
public record BulletinCandidate(@Id String candidateId, String month, String kind, String entryKind, String taskId,
                                List<String> unitIds, List<String> cadreIds, String reason, LocalDate dueBy,
                                List<Evidence> evidence) {

    public static final String URGING_UNANSWERED = "URGING_UNANSWERED";
    public static final String URGING_ANSWERED_LATE = "URGING_ANSWERED_LATE";
    public static final String RECEIVED_LATE = "RECEIVED_LATE";

    /** An event behind the candidate: its id (what a bulletin entry cites) and its global position. */
    public record Evidence(String eventId, String type, long position) {
    }

    BulletinCandidate with(Evidence more, String newKind) {
        if (evidence.stream().anyMatch(e -> e.eventId().equals(more.eventId()))) {
            return this;
        }
        List<Evidence> all = new java.util.ArrayList<>(evidence);
        all.add(more);
        return new BulletinCandidate(candidateId, month, newKind, entryKind, taskId, unitIds, cadreIds, reason, dueBy,
                List.copyOf(all));
    }
}
