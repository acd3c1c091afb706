package ledger.query.unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.UnitAwardGrantedEvent;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitHeadshipEndedEvent;
import ledger.kernel.organisation.UnitRegisteredEvent;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import ledger.query.bulletin.BulletinMention;
import ledger.query.bulletin.BulletinView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Builds unit records; idempotent through the event ids each record (and each bulletin kept
 * beside them) lists. One segment keeps them in order. Bulletin entries reach the records only
 * when their bulletin is published (drafts are the supervision group's), then with the errata.
 */
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

    /** A bulletin's entries with the units they name and their errata, and whether (by which event) it is published. */
    @Document("unit_record_bulletins")
    record BulletinFacts(@Id String bulletinId, String publishedEventId, List<Entry> entries, List<String> eventIds) {

        record Entry(String entryId, String kind, String text, List<String> unitIds,
                     List<BulletinView.Erratum> errata, String eventId) {
        }

        BulletinMention mention(Entry entry) {
            return BulletinMention.of(bulletinId.substring("bulletin-".length()), entry.entryId(), entry.kind(),
                    entry.text(), entry.errata(), entry.eventId(), publishedEventId);
        }
    }

    /** A rebuild starts from nothing: the views are made again from the events. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), UnitRecordView.class);
        mongo.remove(new Query(), ScoreOwner.class);
        mongo.remove(new Query(), BulletinFacts.class);
    }

    @EventHandler
    void on(UnitRegisteredEvent event, @MessageIdentifier String eventId) {
        if (mongo.findById(event.unitId().value(), UnitRecordView.class) == null) {
            mongo.save(new UnitRecordView(event.unitId().value(), event.name(), event.kind().name(),
                    event.personnelOffice(), event.registeredAt(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(eventId)));
        }
    }

    @EventHandler
    void on(UnitAwardGrantedEvent event, @MessageIdentifier String eventId) {
        update(event.unitId().value(), eventId, r -> r.awards.add(new UnitRecordView.Award(event.award().name(),
                event.award().label(), event.year(), event.citation(), eventId)));
    }

    @EventHandler
    void on(UnitHeadAppointedEvent event, @MessageIdentifier String eventId) {
        update(event.unitId().value(), eventId, r -> r.heads.add(new UnitRecordView.Head(event.cadreId().value(),
                event.effectiveOn(), null, List.of(eventId))));
    }

    @EventHandler
    void on(UnitHeadshipEndedEvent event, @MessageIdentifier String eventId) {
        update(event.unitId().value(), eventId, r -> r.heads.replaceAll(h -> h.cadreId().equals(event.cadreId().value())
                && h.endedOn() == null ? new UnitRecordView.Head(h.cadreId(), h.from(), event.effectiveOn(),
                with(h.eventIds(), eventId)) : h));
    }

    @EventHandler
    void on(UrgingNoticeIssuedEvent event, @MessageIdentifier String eventId) {
        update(event.leadUnitId().value(), eventId, r -> r.urgings.add(new UnitRecordView.Urging(event.taskId().value(),
                event.noticeId().value(), event.reason(), event.expectation(), event.replyBy(), event.issuedAt(), null,
                false, false, List.of(eventId))));
    }

    @EventHandler
    void on(UrgingNoticeAnsweredEvent event, @MessageIdentifier String eventId) {
        update(event.unitId().value(), eventId, r -> r.urgings.replaceAll(u -> u.noticeId().equals(event.noticeId().value())
                ? new UnitRecordView.Urging(u.taskId(), u.noticeId(), u.reason(), u.expectation(), u.replyBy(),
                u.issuedAt(), event.answeredAt(), event.late(), u.unanswered(), with(u.eventIds(), eventId)) : u));
    }

    @EventHandler
    void on(UrgingNoticeWentUnansweredEvent event, @MessageIdentifier String eventId) {
        update(event.leadUnitId().value(), eventId, r -> r.urgings.replaceAll(u -> u.noticeId().equals(event.noticeId().value())
                ? new UnitRecordView.Urging(u.taskId(), u.noticeId(), u.reason(), u.expectation(), u.replyBy(),
                u.issuedAt(), u.answeredAt(), u.lateReply(), true, with(u.eventIds(), eventId)) : u));
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
        var entry = event.entry();
        BulletinFacts before = bulletin(event.bulletinId().value());
        BulletinFacts after = before.eventIds().contains(eventId) ? before : new BulletinFacts(before.bulletinId(),
                before.publishedEventId(), with(before.entries(), new BulletinFacts.Entry(entry.entryId(),
                entry.kind().name(), entry.text(), entry.unitIds(), List.of(), eventId)), with(before.eventIds(), eventId));
        if (after.publishedEventId() != null) {
            // refused by the command side once published; should one come, it is published as it stands
            after.entries().stream().filter(e -> e.entryId().equals(entry.entryId())).findFirst()
                 .ifPresent(e -> show(after, List.of(e), eventId));
        }
        mongo.save(after);
    }

    /** Publication puts every entry on the records of the units it names. */
    @EventHandler
    void on(BulletinPublishedEvent event, @MessageIdentifier String eventId) {
        BulletinFacts before = bulletin(event.bulletinId().value());
        BulletinFacts after = before.eventIds().contains(eventId) ? before : new BulletinFacts(before.bulletinId(),
                eventId, before.entries(), with(before.eventIds(), eventId));
        show(after, after.entries(), eventId);
        mongo.save(after);
    }

    /** An erratum is shown beside the entry it corrects, which stays as published. */
    @EventHandler
    void on(ErratumPublishedEvent event, @MessageIdentifier String eventId) {
        BulletinFacts before = bulletin(event.bulletinId().value());
        BulletinView.Erratum erratum = new BulletinView.Erratum(event.correction(), event.reason(),
                event.publishedAt(), eventId);
        BulletinFacts after = before.eventIds().contains(eventId) ? before : new BulletinFacts(before.bulletinId(),
                before.publishedEventId(), before.entries().stream().map(e -> e.entryId().equals(event.entryId())
                ? new BulletinFacts.Entry(e.entryId(), e.kind(), e.text(), e.unitIds(), with(e.errata(), erratum),
                e.eventId()) : e).toList(), with(before.eventIds(), eventId));
        if (after.publishedEventId() != null) {
            show(after, after.entries().stream().filter(e -> e.entryId().equals(event.entryId())).toList(), eventId);
        }
        mongo.save(after);
    }

    /** Writes the entries, as they stand, onto the records of the units they name: each record once. */
    private void show(BulletinFacts bulletin, List<BulletinFacts.Entry> entries, String eventId) {
        Map<String, List<BulletinMention>> byUnit = new LinkedHashMap<>();
        for (BulletinFacts.Entry entry : entries) {
            BulletinMention mention = bulletin.mention(entry);
            entry.unitIds().forEach(unit -> byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(mention));
        }
        byUnit.forEach((unit, mentions) -> update(unit, eventId, r -> mentions.forEach(mention -> {
            int at = -1;
            for (int i = 0; i < r.mentions.size(); i++) {
                if (r.mentions.get(i).month().equals(mention.month()) && r.mentions.get(i).entryId().equals(mention.entryId())) {
                    at = i;
                }
            }
            if (at >= 0) {
                r.mentions.set(at, mention);
            } else {
                r.mentions.add(mention);
            }
        })));
    }

    private BulletinFacts bulletin(String bulletinId) {
        BulletinFacts found = mongo.findById(bulletinId, BulletinFacts.class);
        return found != null ? found : new BulletinFacts(bulletinId, null, List.of(), List.of());
    }

    private static final class Draft {
        final List<UnitRecordView.Award> awards;
        final List<UnitRecordView.Score> scores;
        final List<BulletinMention> mentions;
        final List<UnitRecordView.Head> heads;
        final List<UnitRecordView.Urging> urgings;

        Draft(UnitRecordView view) {
            urgings = new ArrayList<>(view.urgings());
            awards = new ArrayList<>(view.awards());
            scores = new ArrayList<>(view.scores());
            mentions = new ArrayList<>(view.bulletinMentions());
            heads = new ArrayList<>(view.heads());
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
                List.copyOf(draft.heads), List.copyOf(draft.urgings), with(view.eventIds(), eventId)));
    }

    private static <T> List<T> with(List<T> items, T item) {
        List<T> all = new ArrayList<>(items == null ? List.of() : items);
        all.add(item);
        return List.copyOf(all);
    }
}
