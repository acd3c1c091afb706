package ledger.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import ledger.evidence.Checkpoint;
import ledger.evidence.Merkle;
import ledger.evidence.SigningKey;
import ledger.store.MongoEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class NotaryTest {

    /** The root recomputed from the stored entries alone, by the RFC 6962 definition. */
    private static byte[] rootFromEntries(AuditedLog log, long size) {
        List<byte[]> leaves = new ArrayList<>();
        for (var entry : log.engine.readSettled(1, (int) size)) {
            leaves.add(Merkle.leafHash(CanonicalEntries.of(entry)));
        }
        return Merkle.fromLeaves(leaves).hash(0, size);
    }

    @Test
    void builds_the_tree_over_every_position_including_voids_and_signs_a_checkpoint() {
        try (AuditedLog log = new AuditedLog(Duration.ZERO)) {
            log.append("notebook-1", 10);
            // a writer that reserved a position and died: the notary voids it like any reader, then goes on
            log.database.getCollection(MongoEventStorageEngine.COUNTERS)
                    .updateOne(Filters.eq("_id", "global"), Updates.inc("last", 1L));
            log.append("notebook-2", 7);

            Notary.Pass pass = log.notary.pass();

            assertThat(pass.treeSize()).isEqualTo(18).isEqualTo(log.engine.lastReservedPosition());
            assertThat(log.ownerOf(11)).containsKey("void");
            Checkpoint checkpoint = pass.signed().orElseThrow();
            assertThat(checkpoint.treeSize()).isEqualTo(18);
            assertThat(checkpoint.rootHash()).isEqualTo(rootFromEntries(log, 18));
            assertThat(SigningKey.verify(checkpoint, SigningKey.publicKeyFromPem(
                    log.audit.publicKeyPem(log.key.keyId()).orElseThrow()))).isTrue();
            assertThat(CanonicalEntries.of(log.engine.readSettled(11, 1).get(0)))
                    .startsWith("{\"at\":").contains("\"position\":11,\"void\":");
            // 18 leaves, 9 + 4 + 2 + 1 perfect nodes above them
            assertThat(log.database.getCollection(AuditStore.NODES).countDocuments()).isEqualTo(18 + 9 + 4 + 2 + 1);
        }
    }

    @Test
    void extends_only_over_settled_positions_and_a_second_notary_continues_where_the_first_stopped() {
        try (AuditedLog log = new AuditedLog()) {
            log.append("notebook-1", 5);
            log.database.getCollection(MongoEventStorageEngine.COUNTERS)
                    .updateOne(Filters.eq("_id", "global"), Updates.inc("last", 1L)); // a writer still busy with 6
            assertThat(log.notary.pass().treeSize()).isEqualTo(5);

            Document late = Document.parse("{\"_id\":6,\"positions\":[6],\"events\":[{\"position\":6,\"eventId\":\"late\","
                    + "\"payloadType\":\"x\",\"payload\":{},\"metaData\":{}}]}");
            late.append(MongoEventStorageEngine.SEAL, new CommitSeals(log.key, Clock.systemUTC()).seal(late)); // as its writer seals it
            log.events.insertOne(late);
            log.append("notebook-2", 9);
            Notary second = new Notary(log.engine, log.audit, log.key,
                    new Notary.CheckpointPolicy(10, Duration.ofHours(1)), Clock.systemUTC());
            Notary.Pass pass = second.pass();

            assertThat(pass.added()).isEqualTo(10);
            assertThat(pass.signed()).map(Checkpoint::treeSize).contains(15L);
            assertThat(pass.signed().orElseThrow().rootHash()).isEqualTo(rootFromEntries(log, 15));
            assertThat(log.notary.pass().added()).isZero();
            assertThat(log.audit.checkpoints()).extracting(Checkpoint::treeSize).containsExactly(5L, 15L);
        }
    }

    @Test
    void signs_when_enough_entries_arrived_or_enough_time_passed_and_only_if_the_log_grew() {
        try (AuditedLog log = new AuditedLog()) {
            log.append("notebook-1", 4);
            assertThat(log.notary.pass().signed()).isPresent();
            log.append("notebook-1-more", 3);
            assertThat(log.notary.pass().signed()).as("3 entries, 1h interval").isEmpty();
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
            Notary afterAnHour = new Notary(log.engine, log.audit, log.key,
                    new Notary.CheckpointPolicy(1000, Duration.ofHours(1)), later);
            assertThat(afterAnHour.pass().signed()).map(Checkpoint::treeSize).contains(7L);
            assertThat(new Notary(log.engine, log.audit, log.key, new Notary.CheckpointPolicy(1, Duration.ZERO),
                    Clock.offset(Clock.systemUTC(), Duration.ofHours(3))).pass().signed()).as("no growth").isEmpty();
        }
    }

    @Test
    void refuses_to_notarize_again_over_a_position_whose_entry_changed() {
        try (AuditedLog log = new AuditedLog()) {
            log.append("notebook-1", 6);
            log.notary.pass();
            log.events.updateOne(Filters.eq("_id", 2L), Updates.set("events.1.payload.text", "改过")); // position 3
            // someone rolls the notary back to make it re-hash the changed entry
            log.audit.setTreeSize(2, java.time.Instant.now());
            Map<String, Long> before = Map.of("nodes", log.database.getCollection(AuditStore.NODES).countDocuments());
            assertThatThrownBy(() -> new Notary(log.engine, log.audit, log.key,
                    new Notary.CheckpointPolicy(1, Duration.ZERO), Clock.systemUTC()).pass())
                    .isInstanceOf(AuditStore.LogChangedException.class).hasMessageContaining("tree node 0/2");
            assertThat(log.database.getCollection(AuditStore.NODES).countDocuments()).isEqualTo(before.get("nodes"));
        }
    }

    @Test
    void will_not_sign_a_history_rewritten_in_the_database_behind_its_back() {
        try (AuditedLog log = new AuditedLog()) {
            List<Notary.Head> kept = new ArrayList<>();
            Notary.HeadKeeper beside = new Notary.HeadKeeper() {
                @Override
                public Optional<Notary.Head> read() {
                    return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(kept.size() - 1));
                }

                @Override
                public void write(Notary.Head head) {
                    kept.add(head);
                }
            };
            Notary notary = new Notary(log.engine, log.audit, log.key, new Notary.CheckpointPolicy(1, Duration.ZERO),
                    Clock.systemUTC(), beside);
            log.append("notebook-1", 5);
            notary.checkpointIfDue();
            notary.pass();
            assertThat(kept).isNotEmpty();

            // someone with database access but no key: drops the tree and checkpoints, rewrites an event
            log.database.getCollection("audit_nodes").deleteMany(new Document());
            log.database.getCollection("audit_checkpoints").deleteMany(new Document());
            log.database.getCollection("audit_state").deleteMany(new Document());
            Document commit = log.ownerOf(2);
            Document event = commit.getList("events", Document.class).get(0);
            event.get("payload", Document.class).put("text", "改写");
            log.events.replaceOne(Filters.eq("_id", commit.get("_id")), commit);
            Notary fresh = new Notary(log.engine, log.audit, log.key, new Notary.CheckpointPolicy(1, Duration.ZERO),
                    Clock.systemUTC(), beside);

            assertThatThrownBy(fresh::pass).isInstanceOf(AuditStore.LogChangedException.class)
                    .hasMessageContaining("no longer extends the last checkpoint");
            assertThat(log.audit.checkpoints()).isEmpty();
        }
    }
}
