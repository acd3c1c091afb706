package ledger.query.taskforce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A task force for a hard problem (工作难题专班) as its record reads: the problem and its kind, the lead and
 * member units, the linked tasks, its meetings, feasibility opinions, referrals to the Party Group or Bureau
 * Affairs Meeting, the decisions recorded with their effect on the tasks, and its dissolution.
 * {@code pendingReferral} is the meeting the problem waits for, if any.
 */
@Document("task_forces")
public record TaskForceView(
        @Id String taskForceId,
        String problem,
        String kind,
        String area,
        String leadLeaderId,
        List<String> memberUnitIds,
        List<String> taskIds,
        Instant formedAt,
        List<MeetingHeld> meetings,
        List<Opinion> opinions,
        List<Referral> referrals,
        List<Decision> decisions,
        String pendingReferral,
        String outcome,
        Instant dissolvedAt,
        long version) {

    public record MeetingHeld(LocalDate heldOn, String minutes, Instant recordedAt) {
    }

    public record Opinion(String opinion, Instant submittedAt) {
    }

    public record Referral(String meeting, Instant referredAt) {
    }

    /** What the meeting decided and what it changes on every linked task (null: unchanged). */
    public record Decision(String meeting, String decisionRef, String decision, LocalDate newDueDate,
                           String newLeadLeaderId, String newLeadUnitId, boolean problemResolved,
                           List<String> taskIds, Instant recordedAt) {
    }

    public boolean dissolved() {
        return dissolvedAt != null;
    }
}
