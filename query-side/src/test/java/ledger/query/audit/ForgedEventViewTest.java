package ledger.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
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
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The views show only what the command side sealed: a forgery put straight into the store is skipped and raises an alarm. */
class ForgedEventViewTest extends SignedInViewTest {

    private static final Instant NOW = Instant.parse("2026-05-28T01:00:00Z");

    @Autowired
    MongoClient client;
    @Autowired
    StoreConnection connection;
    @Autowired
    CommitSealer sealer;

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
        MongoCollection<Document> commits = client.getDatabase(connection.database()).getCollection(MongoEventStorageEngine.EVENTS);
        long position = engine.lastReservedPosition() + 1;
        Document template = engine.owners(position - 1, 1).get(position - 1).getList("events", Document.class).get(0);
        String payload = LedgerStoreAutoConfiguration.messageObjectMapper().writeValueAsString(
                new ErratumPublishedEvent(march, "entry-1", "伪造的更正", "无", NOW));
        Document event = new Document(template).append("position", position).append("eventId", "forged-erratum-view")
                .append("sequence", 3L).append("payloadType", ErratumPublishedEvent.class.getName())
                .append("payload", BsonJson.toBson(payload));
        commits.insertOne(new Document("_id", position).append("positions", List.of(position))
                .append("keys", List.of(march.value() + ":3")).append("eventIds", List.of("forged-erratum-view"))
                .append("events", List.of(event)));
        client.getDatabase(connection.database()).getCollection(MongoEventStorageEngine.COUNTERS)
                .updateOne(eq("_id", "global"), Updates.set("last", position));
        try {
            BulletinId april = BulletinId.of(month.plusMonths(1));
            publish(april, 0, new BulletinDraftedEvent(april, month.plusMonths(1), NOW)); // genuine, after the forgery
            long after = engine.lastReservedPosition();

            Map<String, Object> bulletin = as(Role.UNIT_STAFF).getForObject("/api/bulletins/2032-03?minPosition=" + after, Map.class);
            Map<String, Object> entry = ((List<Map<String, Object>>) bulletin.get("entries")).get(0);
            assertThat((List<?>) entry.get("errata")).as("the forged erratum").isEmpty();
            assertThat(as(Role.BUREAU_OFFICE).getForObject("/api/bulletins/2032-04", Map.class))
                    .as("the genuine event after the forgery").containsEntry("status", "DRAFT");

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

    private void publish(BulletinId bulletin, long sequence, Object event) {
        events.publish(new GenericDomainEventMessage<>("Bulletin", bulletin.value(), sequence, event));
    }
}
