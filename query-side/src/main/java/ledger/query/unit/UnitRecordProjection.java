package ledger.query.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.UnitAwardGrantedEvent;
import ledger.kernel.organisation.UnitRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/** Builds unit records; idempotent through the event ids each record lists. One segment keeps them in order. */
@Component
@ProcessingGroup("unit-records")
class UnitRecordProjection {

    private final MongoTemplate mongo;

    UnitRecordProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Which unit a score judges, for its later correction. */
    @Document("unit_record_scores")
    record ScoreOwner(@Id String scoreId, String unitId) {
    }

    /** A rebuild starts from nothing: the views are made again from the events. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), UnitRecordView.class);
        mongo.remove(new Query(), ScoreOwner.class);
    }

    @EventHandler
    void on(UnitRegisteredEvent event, @MessageIdentifier String eventId) {
        if (mongo.findById(event.unitId().value(), UnitRecordView.class) == null) {
            mongo.save(new UnitRecordView(event.unitId().value(), event.name(), event.kind().name(),
                    event.personnelOffice(), event.registeredAt(), List.of(), List.of(), List.of(), List.of(eventId)));
        }
    }

    @EventHandler
    void on(UnitAwardGrantedEvent event, @MessageIdentifier String eventId) {
        update(event.unitId().value(), eventId, r -> r.awards.add(new UnitRecordView.Award(event.award().name(),
                event.award().label(), event.year(), event.citation(), eventId)));
    }

    @EventHandler
    void on(ScoreRecordedEvent event, @MessageIdentifier String eventId) {
        if (event.subject().kind() != ScoreSubject.Kind.UNIT) {
            return;
        }
        mongo.save(new ScoreOwner(event.scoreId().value(), event.subject().id()));
        update(event.subject().id(), eventId, r -> r.scores.add(new UnitRecordView.Score(event.scoreId().value(),
                event.month().toString(), event.dimension(), event.scale().min(), event.scale().max(), event.value(),
                null, null, List.of(eventId))));
    }

    @EventHandler
    void on(ScoreCorrectedEvent event, @MessageIdentifier String eventId) {
        ScoreOwner owner = mongo.findById(event.scoreId().value(), ScoreOwner.class);
        if (owner == null) {
            return;
        }
        update(owner.unitId(), eventId, r -> r.scores.replaceAll(s -> s.scoreId().equals(owner.scoreId())
                ? new UnitRecordView.Score(s.scoreId(), s.month(), s.dimension(), s.scaleMin(), s.scaleMax(),
                event.newValue(), s.originalValue() != null ? s.originalValue() : event.originalValue(), event.reason(),
                with(s.eventIds(), eventId)) : s));
    }

    @EventHandler
    void on(BulletinEntryAddedEvent event, @MessageIdentifier String eventId) {
        String month = event.bulletinId().value().substring("bulletin-".length());
        for (String unit : event.entry().unitIds()) {
            update(unit, eventId, r -> r.mentions.add(new UnitRecordView.BulletinMention(month, event.entry().entryId(),
                    event.entry().kind().name(), event.entry().text(), eventId)));
        }
    }

    private static final class Draft {
        final List<UnitRecordView.Award> awards;
        final List<UnitRecordView.Score> scores;
        final List<UnitRecordView.BulletinMention> mentions;

        Draft(UnitRecordView view) {
            awards = new ArrayList<>(view.awards());
            scores = new ArrayList<>(view.scores());
            mentions = new ArrayList<>(view.bulletinMentions());
        }
    }

    private void update(String unit, String eventId, Consumer<Draft> change) {
        UnitRecordView view = mongo.findById(unit, UnitRecordView.class);
        if (view == null || view.eventIds().contains(eventId)) {
            return;
        }
        Draft draft = new Draft(view);
        change.accept(draft);
        mongo.save(new UnitRecordView(view.unitId(), view.name(), view.kind(), view.personnelOffice(),
                view.registeredAt(), List.copyOf(draft.awards), List.copyOf(draft.scores), List.copyOf(draft.mentions),
                with(view.eventIds(), eventId)));
    }

    private static List<String> with(List<String> ids, String id) {
        List<String> all = new ArrayList<>(ids);
        all.add(id);
        return List.copyOf(all);
    }
}
