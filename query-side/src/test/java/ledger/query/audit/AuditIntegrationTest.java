package ledger.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import ledger.evidence.CheckpointExport;
import ledger.evidence.EvidenceVerifier;
import ledger.evidence.SigningKey;
import ledger.evidence.VerifyEvidence;
import ledger.kernel.bulletin.BulletinDraftedEvent;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.security.Role;
import ledger.query.SignedInViewTest;
import ledger.query.TestNotary;
import ledger.store.CommitSealer;
import ledger.store.MongoEventStorageEngine;
import ledger.store.StoreConnection;
import ledger.store.audit.AuditStore;
import ledger.store.audit.Notary;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** The query side's audit API on a log notarized as the command side would do it. */
class AuditIntegrationTest extends SignedInViewTest {

    private static final SigningKey KEY = TestNotary.KEY;

    @Autowired
    AuditStore audit;
    @Autowired
    MongoClient client;
    @Autowired
    StoreConnection connection;

    @Autowired
    CommitSealer sealer;

    @TempDir
    Path dir;

    /** The command side's notary, as the tests play it. */
    private Notary notary() {
        return new Notary(engine, audit, KEY, new Notary.CheckpointPolicy(1, Duration.ZERO), Clock.systemUTC());
    }

    private void draftBulletin(YearMonth month) {
        BulletinId id = BulletinId.of(month);
        events.publish(new GenericDomainEventMessage<>("Bulletin", id.value(), 0,
                new BulletinDraftedEvent(id, month, Instant.parse("2026-05-28T01:00:00Z"))));
    }

    @Test
    void a_bulletins_evidence_package_from_the_api_verifies_offline_and_waits_for_a_checkpoint_when_new() throws Exception {
        draftBulletin(YearMonth.of(2031, 5));
        ResponseEntity<String> early = as(Role.DISCIPLINE_INSPECTION).getForEntity("/api/audit/evidence/bulletins/2031-05", String.class);
        assertThat(early.getStatusCode().value()).isEqualTo(503);
        assertThat(early.getBody()).contains("EVIDENCE_NOT_YET_CHECKPOINTED");

        notary().pass();
        ResponseEntity<String> response = as(Role.DISCIPLINE_INSPECTION).getForEntity("/api/audit/evidence/bulletins/2031-05", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("evidence-bulletin-2031-05.json");
        Path evidence = Files.writeString(dir.resolve("evidence.json"), response.getBody());
        Path key = Files.writeString(dir.resolve("key.pem"),
                as(Role.API_CLIENT).getForObject("/api/audit/public-key", String.class));

        assertThat(offline(evidence.toString(), "--key", key.toString())).startsWith("0 VALID");
        Path forged = Files.writeString(dir.resolve("forged.json"), response.getBody().replace("2031-05", "2031-06"));
        assertThat(offline(forged.toString(), "--key", key.toString())).startsWith("1 INVALID").contains("inclusion proof");

        assertThat(as(Role.UNIT_STAFF).getForEntity("/api/audit/evidence/bulletins/2031-05", String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as(Role.DISCIPLINE_INSPECTION).getForEntity("/api/audit/evidence/bulletins/2031-13", String.class)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void the_checkpoint_export_verifies_offline_and_each_checkpoint_extends_the_last() {
        draftBulletin(YearMonth.of(2031, 7));
        notary().pass();
        draftBulletin(YearMonth.of(2031, 8));
        notary().pass();

        String export = as(Role.API_CLIENT).getForObject("/api/audit/checkpoints", String.class);

        CheckpointExport checkpoints = CheckpointExport.parse(export);
        assertThat(checkpoints.checkpoints().size()).isGreaterThanOrEqualTo(2);
        assertThat(EvidenceVerifier.verify(checkpoints, KEY.publicKey(), null).problems()).isEmpty();
        assertThat(as(Role.UNIT_HEAD).getForEntity("/api/audit/checkpoints", String.class).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void verify_reports_a_clean_log_then_the_position_of_a_byte_changed_in_the_database() {
        draftBulletin(YearMonth.of(2031, 9));
        notary().pass();
        Map<String, Object> clean = as(Role.DISCIPLINE_INSPECTION).getForObject("/api/audit/verify", Map.class);
        assertThat(clean).containsEntry("valid", true).containsEntry("firstBrokenPosition", null);
        assertThat(((Number) clean.get("checkedEntries")).longValue()).isEqualTo(audit.treeSize());

        long position = engine.positionsOf(List.of(engine.readEvents("bulletin-2031-09").asStream().findFirst()
                .orElseThrow().getIdentifier())).values().iterator().next();
        MongoCollection<Document> commits = client.getDatabase(connection.database()).getCollection(MongoEventStorageEngine.EVENTS);
        Document original = engine.owners(position, 1).get(position);
        try {
            commits.updateOne(eq("_id", original.get("_id")), Updates.set("events.0.payload.month", "2031-08"));

            Map<String, Object> report = as(Role.DISCIPLINE_INSPECTION).getForObject("/api/audit/verify", Map.class);

            assertThat(report).containsEntry("valid", false);
            assertThat(((Number) report.get("firstBrokenPosition")).longValue()).isEqualTo(position);
            assertThat((String) report.get("problem")).contains("position " + position + " is not what was notarized");
            assertThat(as(Role.API_CLIENT).getForEntity("/api/audit/verify", String.class).getStatusCode().value())
                    .isEqualTo(403);
        } finally {
            commits.replaceOne(eq("_id", original.get("_id")), original); // the store is shared with other tests
        }
        assertThat(as(Role.DISCIPLINE_INSPECTION).getForObject("/api/audit/verify", Map.class)).containsEntry("valid", true);
    }

    @Test
    void an_event_appended_straight_into_the_database_is_named_a_forgery_by_verify_and_listed_as_an_alarm() {
        draftBulletin(YearMonth.of(2031, 10));
        notary().pass();
        MongoCollection<Document> commits = client.getDatabase(connection.database()).getCollection(MongoEventStorageEngine.EVENTS);
        long position = engine.lastReservedPosition() + 1;
        Document genuine = engine.owners(position - 1, 1).get(position - 1);
        Document event = new Document(genuine.getList("events", Document.class).get(0)).append("position", position)
                .append("eventId", "forged-erratum").append("sequence", 1L);
        Document forged = new Document("_id", position).append("positions", List.of(position))
                .append("keys", List.of(event.getString("aggregateId") + ":1")).append("eventIds", List.of("forged-erratum"))
                .append("events", List.of(event));
        commits.insertOne(forged);
        client.getDatabase(connection.database()).getCollection(MongoEventStorageEngine.COUNTERS)
                .updateOne(eq("_id", "global"), Updates.set("last", position));
        try {
            notary().pass();

            Map<String, Object> report = as(Role.DISCIPLINE_INSPECTION).getForObject("/api/audit/verify", Map.class);
            assertThat(report).containsEntry("valid", false).containsEntry("notaryHeadChecked", false);
            assertThat(((Number) report.get("firstBrokenPosition")).longValue()).isEqualTo(position);
            assertThat((String) report.get("problem")).contains("position " + position + " carries no valid seal of the writer");
            assertThat(audit.treeSize()).as("never notarized").isEqualTo(position - 1);
            List<Map<String, Object>> alarms = as(Role.DISCIPLINE_INSPECTION).getForObject("/api/audit/alarms", List.class);
            assertThat(alarms).anySatisfy(alarm -> {
                assertThat(((Number) alarm.get("position")).longValue()).isEqualTo(position);
                assertThat((String) alarm.get("problem")).contains("a forgery");
            });
            assertThat(as(Role.API_CLIENT).getForEntity("/api/audit/alarms", String.class).getStatusCode().value())
                    .isEqualTo(403);
        } finally {
            // the store is shared with other tests: the position becomes what a failed write leaves, a sealed void
            commits.deleteOne(eq("_id", position));
            Document voided = new Document("_id", position).append("positions", List.of(position))
                    .append(MongoEventStorageEngine.VOID, "forgery removed by the test").append("at", Instant.now().toString());
            commits.insertOne(voided.append(MongoEventStorageEngine.SEAL, sealer.seal(voided)));
        }
        notary().pass();
        assertThat(as(Role.DISCIPLINE_INSPECTION).getForObject("/api/audit/verify", Map.class)).containsEntry("valid", true);
    }

    @Test
    void a_bulletin_package_is_refused_when_a_commit_the_audit_index_saw_was_deleted_from_the_store() {
        draftBulletin(YearMonth.of(2031, 11));
        notary().pass();
        String eventId = engine.readEvents("bulletin-2031-11", 0).asStream().findFirst().orElseThrow().getIdentifier();
        long position = engine.positionsOf(List.of(eventId)).get(eventId);
        MongoCollection<Document> commits = client.getDatabase(connection.database()).getCollection(MongoEventStorageEngine.EVENTS);
        MongoCollection<Document> index = client.getDatabase(connection.database()).getCollection("audit_index");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> index.find(eq("_id", position)).first() != null);
        Document commit = engine.owners(position, 1).get(position);
        commits.deleteOne(eq("_id", commit.get("_id")));
        try {
            ResponseEntity<String> response = as(Role.DISCIPLINE_INSPECTION)
                    .getForEntity("/api/audit/evidence/bulletins/2031-11", String.class);

            assertThat(response.getStatusCode().value()).isEqualTo(409);
            assertThat(response.getBody()).contains("EVIDENCE_INCOMPLETE").contains(eventId);
            assertThat(as(Role.DISCIPLINE_INSPECTION).getForObject("/api/audit/verify", Map.class))
                    .containsEntry("valid", false).containsEntry("firstBrokenPosition", (int) position);
        } finally {
            commits.insertOne(commit); // the store is shared with other tests
        }
    }

    /** Runs the offline verifier's command line as an auditor would; returns its exit code and output. */
    private static String offline(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = VerifyEvidence.run(args, print, print);
        return code + " " + out.toString(StandardCharsets.UTF_8);
    }
}
