package ledger.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import ledger.evidence.SigningKey;
import ledger.kernel.bulletin.BulletinDraftedEvent;
import ledger.kernel.bulletin.BulletinEntry;
import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.EntryKind;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.security.Role;
import ledger.query.SignedInViewTest;
import ledger.store.BsonJson;
import ledger.store.CommitSealer;
import ledger.store.LedgerStoreAutoConfiguration;
import ledger.store.MongoEventStorageEngine;
import ledger.store.StoreConnection;
import ledger.store.audit.AuditStore;
import ledger.store.audit.CommitSeals;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Revision;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The views and timelines show only what the command side sealed: a forgery put straight into the
 * store is skipped and raises an alarm; a commit sealed with a key not published yet is waited for.
 */
// a store of its own: the forgeries and the late-published key would stop the shared store's notary for the others
@org.springframework.test.context.TestPropertySource(properties = "ledger.store.database=forged-event-views")
class ForgedEventViewTest extends SignedInViewTest {

    private static final Instant NOW = Instant.parse("2026-05-28T01:00:00Z");

    @Autowired
    MongoClient client;
    @Autowired
    StoreConnection connection;
    @Autowired
    CommitSealer sealer;
    @Autowired
    AuditStore audit;

    @Test
    @SuppressWarnings("unchecked")
    void a_forged_erratum_inserted_into_the_store_is_not_shown_on_the_bulletin_and_raises_one_alarm() throws Exception {
        YearMonth month = YearMonth.of(2032, 3);
        BulletinId march = BulletinId.of(month);
        publish(march, 0, new BulletinDraftedEvent(march, month, NOW));
        publish(march, 1, new BulletinEntryAddedEvent(march, new BulletinEntry("entry-1", EntryKind.PROBLEM,
                "燃气整治滞后10天", List.of("unit-b"), null, null, null), NOW));
        publish(march, 2, new BulletinPublishedEvent(march, month, 1, NOW));

        // a database administrator appends a fake erratum at the next position, as the engine would store it
        MongoCollection<Document> commits = commits();
        long position = appendAtNextPosition(march, 3, "forged-erratum-view",
                new ErratumPublishedEvent(march, "entry-1", "伪造的更正", "无", NOW), commit -> commit);
        try {
            BulletinId april = BulletinId.of(month.plusMonths(1));
            publish(april, 0, new BulletinDraftedEvent(april, month.plusMonths(1), NOW)); // genuine, after the forgery
            long after = engine.lastReservedPosition();

            Map<String, Object> bulletin = as(Role.UNIT_STAFF).getForObject("/api/bulletins/2032-03?minPosition=" + after, Map.class);
            Map<String, Object> entry = ((List<Map<String, Object>>) bulletin.get("entries")).get(0);
            assertThat((List<?>) entry.get("errata")).as("the forged erratum").isEmpty();
            assertThat(as(Role.BUREAU_OFFICE).getForObject("/api/bulletins/2032-04", Map.class))
                    .as("the genuine event after the forgery").containsEntry("status", "DRAFT");

            // the bulletin's timeline, read from the store rather than the views, leaves it out too and says where it was
            Map<String, Object> timeline = as(Role.DISCIPLINE_INSPECTION).getForObject("/api/timelines/bulletins/"
                    + march.value(), Map.class);
            assertThat((List<Map<String, Object>>) timeline.get("events")).extracting(e -> e.get("type"))
                    .containsExactly("BulletinDraftedEvent", "BulletinEntryAddedEvent", "BulletinPublishedEvent");
            assertThat((List<Number>) timeline.get("withheld")).extracting(Number::longValue).containsExactly(position);

            List<Map<String, Object>> alarms = as(Role.DISCIPLINE_INSPECTION).getForObject("/api/audit/alarms", List.class);
            assertThat(alarms).filteredOn(alarm -> ((Number) alarm.get("position")).longValue() == position)
                    .singleElement().satisfies(alarm -> {
                        assertThat((String) alarm.get("problem")).contains("carries no valid seal").contains("the views do not show it");
                        assertThat(((Number) alarm.get("times")).longValue()).as("once, however many views read it").isEqualTo(1);
                    });
        } finally {
            // the store is shared with other tests: the position becomes what a failed write leaves, a sealed void
            commits.deleteOne(eq("_id", position));
            Document voided = new Document("_id", position).append("positions", List.of(position))
                    .append(MongoEventStorageEngine.VOID, "forgery removed by the test").append("at", Instant.now().toString());
            commits.insertOne(voided.append(MongoEventStorageEngine.SEAL, sealer.seal(voided)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_commit_sealed_with_a_key_published_only_later_holds_the_views_back_and_is_then_shown() throws Exception {
        // the command side after a key rotation: its first commit is sealed before its new key reaches the store
        SigningKey rotated = SigningKey.generate();
        YearMonth month = YearMonth.of(2033, 5);
        BulletinId may = BulletinId.of(month);
        long position = appendAtNextPosition(may, 0, "sealed-with-a-new-key",
                new BulletinDraftedEvent(may, month, NOW), commit -> commit.append(MongoEventStorageEngine.SEAL,
                        new CommitSeals(rotated, Clock.systemUTC()).seal(commit)));
        BulletinId june = BulletinId.of(month.plusMonths(1));
        long after;
        try {
            publish(june, 0, new BulletinDraftedEvent(june, month.plusMonths(1), NOW));
            after = engine.lastReservedPosition();

            // the views neither skip the commit nor go past it while its key may still come
            ResponseEntity<Map> waiting = as(Role.BUREAU_OFFICE).getForEntity("/api/bulletins/2033-06?minPosition=" + after,
                    Map.class);
            assertThat(waiting.getStatusCode().value()).as(String.valueOf(waiting.getBody())).isEqualTo(503);
            assertThat(as(Role.BUREAU_OFFICE).getForEntity("/api/bulletins/2033-05", Map.class).getStatusCode().value())
                    .isEqualTo(404);
        } finally {
            audit.publishKey(rotated.keyId(), rotated.publicKeyPem(), Instant.now());
        }

        // once the key is published, the commit is shown, in its place, and nothing was alarmed
        assertThat(as(Role.BUREAU_OFFICE).getForObject("/api/bulletins/2033-05?minPosition=" + after, Map.class))
                .containsEntry("status", "DRAFT");
        assertThat(as(Role.BUREAU_OFFICE).getForObject("/api/bulletins/2033-06", Map.class)).containsEntry("status", "DRAFT");
        List<Map<String, Object>> alarms = as(Role.DISCIPLINE_INSPECTION).getForObject("/api/audit/alarms", List.class);
        assertThat(alarms).noneMatch(alarm -> ((Number) alarm.get("position")).longValue() == position);
    }

    /** Writes one event straight into the store at the next position, as the engine lays out a commit. */
    private long appendAtNextPosition(BulletinId bulletin, long sequence, String eventId, Object payload,
                                      UnaryOperator<Document> seal) throws Exception {
        long position = engine.lastReservedPosition() + 1;
        Document template = engine.owners(position - 1, 1).get(position - 1).getList("events", Document.class).get(0);
        Document event = new Document(template).append("position", position).append("eventId", eventId)
                .append("aggregateType", "Bulletin").append("aggregateId", bulletin.value()).append("sequence", sequence)
                .append("payloadType", payload.getClass().getName())
                .append("payloadRevision", payload.getClass().getAnnotation(Revision.class).value())
                .append("payload", BsonJson.toBson(LedgerStoreAutoConfiguration.messageObjectMapper().writeValueAsString(payload)));
        commits().insertOne(seal.apply(new Document("_id", position).append("positions", List.of(position))
                .append("keys", List.of(bulletin.value() + ":" + sequence)).append("eventIds", List.of(eventId))
                .append("events", List.of(event))));
        client.getDatabase(connection.database()).getCollection(MongoEventStorageEngine.COUNTERS)
                .updateOne(eq("_id", "global"), Updates.set("last", position));
        return position;
    }

    private MongoCollection<Document> commits() {
        return client.getDatabase(connection.database()).getCollection(MongoEventStorageEngine.EVENTS);
    }

    private void publish(BulletinId bulletin, long sequence, Object event) {
        events.publish(new GenericDomainEventMessage<>("Bulletin", bulletin.value(), sequence, event));
    }
}
