package ledger.query.evaluation;

import java.util.List;

import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreCorrectionRequestedEvent;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.shared.MetadataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/** Builds score views; idempotent through the score's event sequence number. */
@Component
@ProcessingGroup(ScoreReader.PROCESSOR)
class ScoreProjection {

    private final ScoreViews views;

    ScoreProjection(ScoreViews views) {
        this.views = views;
    }

    @ResetHandler
    void reset() {
        views.clear();
    }

    @EventHandler
    void on(ScoreRecordedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String scorer) {
        if (views.find(event.scoreId().value()).isPresent()) {
            return;
        }
        views.save(new ScoreView(event.scoreId().value(), event.month().toString(), event.subject().kind().name(),
                event.subject().id(), event.dimension(), event.scale().min(), event.scale().max(), event.value(),
                event.value(), event.rationale(), event.evidenceEventIds(), scorer, event.recordedAt(), null, List.of(),
                List.of(eventId), sequence));
    }

    @EventHandler
    void on(ScoreCorrectionRequestedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        views.find(event.scoreId().value()).filter(view -> sequence > view.version()).ifPresent(view -> views.save(
                view.requested(new ScoreView.PendingCorrection(event.currentValue(), event.newValue(), event.reason(),
                        event.requestedBy(), event.requestedAt()), eventId, sequence)));
    }

    @EventHandler
    void on(ScoreCorrectedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        views.find(event.scoreId().value()).filter(view -> sequence > view.version()).ifPresent(view -> views.save(
                view.corrected(new ScoreView.Correction(event.originalValue(), event.newValue(), event.reason(),
                        event.requestedBy(), event.approvedBy(), event.correctedAt()), eventId, sequence)));
    }
}
