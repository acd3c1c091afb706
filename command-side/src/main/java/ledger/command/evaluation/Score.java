package ledger.command.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumSet;
import java.util.Set;

import ledger.kernel.evaluation.ApproveScoreCorrectionCommand;
import ledger.kernel.evaluation.RecordScoreCommand;
import ledger.kernel.evaluation.RequestScoreCorrectionCommand;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreCorrectionRequestedEvent;
import ledger.kernel.evaluation.ScoreId;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreScale;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A supervision score (督查评分). Never edited: a correction is asked for with a reason and
 * takes effect only when a second member of the supervision group approves it.
 */
@Aggregate(commandTargetResolver = "expectedVersionTargetResolver")
class Score {

    /** The supervision group members who score; the discipline inspection group oversees. */
    private static final Set<Role> SCORERS = EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE);

    @AggregateIdentifier
    private ScoreId scoreId;
    private ScoreScale scale;
    private int value;
    private Integer pendingValue;
    private String pendingReason;
    private String pendingRequestedBy;

    protected Score() {
    }

    @CommandHandler
    Score(RecordScoreCommand command) {
        requireScorer(command.scorer());
        apply(new ScoreRecordedEvent(command.scoreId(), command.month(), command.subject(), command.dimension(),
                command.scale(), command.value(), command.rationale(), command.evidenceEventIds(), command.recordedAt()));
    }

    @CommandHandler
    void handle(RequestScoreCorrectionCommand command) {
        requireScorer(command.requester());
        if (pendingValue != null) {
            throw new LedgerException(ErrorCode.CORRECTION_PENDING, "A correction to " + pendingValue + " is waiting");
        }
        if (!scale.contains(command.newValue())) {
            throw new LedgerException(ErrorCode.VALUE_OFF_SCALE, command.newValue() + " is not on the scale "
                    + scale.min() + "–" + scale.max());
        }
        if (command.newValue() == value) {
            throw new LedgerException(ErrorCode.SAME_VALUE, "The score already is " + value);
        }
        apply(new ScoreCorrectionRequestedEvent(scoreId, value, command.newValue(), command.reason(),
                command.requester().personId(), command.requestedAt()));
    }

    @CommandHandler
    void handle(ApproveScoreCorrectionCommand command) {
        requireScorer(command.approver());
        if (pendingValue == null) {
            throw new LedgerException(ErrorCode.NO_CORRECTION_PENDING, "No correction of " + scoreId + " is waiting");
        }
        if (command.approver().personId().equals(pendingRequestedBy)) {
            throw new LedgerException(ErrorCode.FOUR_EYES, "The correction was asked for by "
                    + pendingRequestedBy + "; another member of the supervision group approves it");
        }
        apply(new ScoreCorrectedEvent(scoreId, value, pendingValue, pendingReason, pendingRequestedBy,
                command.approver().personId(), command.approvedAt()));
    }

    private static void requireScorer(Actor actor) {
        if (!SCORERS.contains(actor.role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "Scores are given by the supervision group");
        }
    }

    @EventSourcingHandler
    void on(ScoreRecordedEvent event) {
        scoreId = event.scoreId();
        scale = event.scale();
        value = event.value();
    }

    @EventSourcingHandler
    void on(ScoreCorrectionRequestedEvent event) {
        pendingValue = event.newValue();
        pendingReason = event.reason();
        pendingRequestedBy = event.requestedBy();
    }

    @EventSourcingHandler
    void on(ScoreCorrectedEvent event) {
        value = event.newValue();
        pendingValue = null;
        pendingReason = null;
        pendingRequestedBy = null;
    }
}
