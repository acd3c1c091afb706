package ledger.query.work;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What waits for someone and the ledger views do not keep: completion claims the supervision group sent
 * back (until the unit claims again), and score corrections waiting for a second approver. Built by
 * {@link WaitingWorkProjection}.
 */
@Component
public class WaitingWork {

    /** A task whose completion claim was rejected and not claimed again since. */
    @Document("work_rejected_claims")
    public record RejectedClaim(@Id String taskId, String reason, Instant rejectedAt) {
    }

    /** A score as recorded, with the correction asked for while one waits (null fields when none). */
    @Document("work_score_corrections")
    public record ScoreCorrection(@Id String scoreId, String month, String subjectKind, String subjectId,
                                  String dimension, Integer currentValue, Integer newValue, String reason,
                                  String requestedBy, Instant requestedAt) {

        public boolean pending() {
            return requestedBy != null;
        }
    }

    private final MongoTemplate mongo;

    WaitingWork(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Set<String> rejectedClaims() {
        return mongo.findAll(RejectedClaim.class).stream().map(RejectedClaim::taskId).collect(Collectors.toSet());
    }

    /** Corrections waiting for a second approver: never the one who asked for it. */
    public List<ScoreCorrection> correctionsToApprove(String personId) {
        return mongo.find(new Query(Criteria.where("requestedBy").ne(null)), ScoreCorrection.class).stream()
                .filter(score -> !score.requestedBy().equals(personId)).toList();
    }
}
