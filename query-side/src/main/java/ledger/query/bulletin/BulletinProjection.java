package ledger.query.bulletin;

import java.util.ArrayList;
import java.util.List;

import ledger.kernel.bulletin.BulletinDraftedEvent;
import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.BulletinSignedEvent;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Builds bulletin views; idempotent through the bulletin's event sequence number. */
@Component
@ProcessingGroup("bulletins")
class BulletinProjection {

    private final MongoTemplate mongo;

    BulletinProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A rebuild starts from nothing: the views are made again from the events. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), BulletinView.class);
    }

    @EventHandler
    void on(BulletinDraftedEvent event, @SequenceNumber long sequence) {
        if (mongo.findById(event.month().toString(), BulletinView.class) == null) {
            mongo.save(new BulletinView(event.month().toString(), BulletinView.DRAFT, List.of(), List.of(), null, sequence));
        }
    }

    @EventHandler
    void on(BulletinEntryAddedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        var entry = event.entry();
        update(month(event.bulletinId().value()), sequence, view -> {
            List<BulletinView.Entry> entries = new ArrayList<>(view.entries());
            entries.add(new BulletinView.Entry(entry.entryId(), entry.kind().name(), entry.kind().label(), entry.text(),
                    entry.unitIds(), entry.cadreIds(), entry.taskIds(), entry.evidenceEventIds(), List.of(), eventId));
            return new BulletinView(view.month(), view.status(), entries, view.signOffs(), view.publishedAt(), sequence);
        });
    }

    @EventHandler
    void on(BulletinSignedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        update(month(event.bulletinId().value()), sequence, view -> {
            List<BulletinView.SignOff> signOffs = new ArrayList<>(view.signOffs());
            signOffs.add(new BulletinView.SignOff(event.member().name(), event.member().label(), event.signedBy(),
                    event.signedAt(), eventId));
            return new BulletinView(view.month(), view.status(), view.entries(), signOffs, view.publishedAt(), sequence);
        });
    }

    @EventHandler
    void on(BulletinPublishedEvent event, @SequenceNumber long sequence) {
        update(event.month().toString(), sequence, view -> new BulletinView(view.month(), BulletinView.PUBLISHED,
                view.entries(), view.signOffs(), event.publishedAt(), sequence));
    }

    @EventHandler
    void on(ErratumPublishedEvent event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        update(month(event.bulletinId().value()), sequence, view -> {
            List<BulletinView.Entry> entries = view.entries().stream().map(entry -> {
                if (!entry.entryId().equals(event.entryId())) {
                    return entry;
                }
                List<BulletinView.Erratum> errata = new ArrayList<>(entry.errata());
                errata.add(new BulletinView.Erratum(event.correction(), event.reason(), event.publishedAt(), eventId));
                return new BulletinView.Entry(entry.entryId(), entry.kind(), entry.kindLabel(), entry.text(),
                        entry.unitIds(), entry.cadreIds(), entry.taskIds(), entry.evidenceEventIds(), errata,
                        entry.eventId());
            }).toList();
            return new BulletinView(view.month(), view.status(), entries, view.signOffs(), view.publishedAt(), sequence);
        });
    }

    private void update(String month, long sequence, java.util.function.UnaryOperator<BulletinView> change) {
        BulletinView view = mongo.findById(month, BulletinView.class);
        if (view != null && sequence > view.version()) {
            mongo.save(change.apply(view));
        }
    }

    /** "bulletin-2026-03" → "2026-03". */
    private static String month(String bulletinId) {
        return bulletinId.substring("bulletin-".length());
    }
}
