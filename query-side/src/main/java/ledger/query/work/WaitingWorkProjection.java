package ledger.query.work;

import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreCorrectionRequestedEvent;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.task.CompletionClaimedEvent;
import ledger.kernel.task.CompletionRejectedEvent;
import ledger.kernel.task.CompletionVerifiedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link WaitingWork}'s documents. In the ledger's processor: its segments keep each aggregate's
 * events in order, and every write here is a whole-document save or delete, so a redelivery repeats harmlessly.
 */
@Component
@ProcessingGroup("ledger")
class WaitingWorkProjection {

    private final MongoTemplate mongo;

    WaitingWorkProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), WaitingWork.RejectedClaim.class);
        mongo.remove(new Query(), WaitingWork.ScoreCorrection.class);
    }

    @EventHandler
    void on(CompletionRejectedEvent event) {
        mongo.save(new WaitingWork.RejectedClaim(event.taskId().value(), event.reason(), event.rejectedAt()));
    }

    @EventHandler
    void on(CompletionClaimedEvent event) {
        mongo.remove(Query.query(Criteria.where("_id")
                .is(event.taskId().value())), WaitingWork.RejectedClaim.class);
    }

    @EventHandler
    void on(CompletionVerifiedEvent event) {
        mongo.remove(Query.query(Criteria.where("_id")
                .is(event.taskId().value())), WaitingWork.RejectedClaim.class);
    }

    @EventHandler
    void on(ScoreRecordedEvent event) {
        mongo.save(new WaitingWork.ScoreCorrection(event.scoreId().value(), event.month().toString(),
                event.subject().kind().name(), event.subject().id(), event.dimension(), null, null, null, null, null));
    }

    @EventHandler
    void on(ScoreCorrectionRequestedEvent event) {
        WaitingWork.ScoreCorrection score = mongo.findById(event.scoreId().value(), WaitingWork.ScoreCorrection.class);
        if (score != null) {
            mongo.save(new WaitingWork.ScoreCorrection(score.scoreId(), score.month(), score.subjectKind(),
                    score.subjectId(), score.dimension(), event.currentValue(), event.newValue(), event.reason(),
                    event.requestedBy(), event.requestedAt()));
        }
    }

    @EventHandler
    void on(ScoreCorrectedEvent event) {
        WaitingWork.ScoreCorrection score = mongo.findById(event.scoreId().value(), WaitingWork.ScoreCorrection.class);
        if (score != null) {
            mongo.save(new WaitingWork.ScoreCorrection(score.scoreId(), score.month(), score.subjectKind(),
                    score.subjectId(), score.dimension(), null, null, null, null, null));
        }
    }
}
