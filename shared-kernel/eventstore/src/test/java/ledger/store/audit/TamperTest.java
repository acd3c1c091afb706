package ledger.store.audit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import ledger.evidence.Frontier;
import ledger.evidence.Merkle;
import ledger.store.MongoEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tampering done directly in the database, as someone with access to MongoDB could; the verifier must catch each. */
class TamperTest {

    private AuditedLog log;

    @BeforeEach
    void aNotarizedLog() {
        log = new AuditedLog();
        log.append("notebook-1", 30); // commits own 1, 2-3, 4-6, 7, 8-9, 10-12, ...
        log.notary.pass();
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void an_untouched_log_verifies_clean_whole_and_in_ranges() {
        LogVerifier.Report report = log.verifier.verify(null, null);
        assertThat(report.valid()).isTrue();
        assertThat(report.checkedEntries()).isEqualTo(30);
        assertThat(report.lastCheckpoint().treeSize()).isEqualTo(30);
        assertThat(report.firstBrokenPosition()).isNull();
        assertThat(log.verifier.verify(13L, 27L)).satisfies(r -> {
            assertThat(r.valid()).isTrue();
            assertThat(r.checkedEntries()).isEqualTo(15);
        });
    }

    @Test
    void checkpoints_signed_with_a_key_outside_the_trusted_ones_fail_when_keys_are_pinned() {
        LogVerifier pinned = new LogVerifier(log.engine, log.audit, java.util.Set.of("a-key-the-auditors-gave"));

        LogVerifier.Report report = pinned.verify(null, null);

        assertThat(report.valid()).isFalse();
        assertThat(report.problem()).contains("not among the trusted keys");
        assertThat(new LogVerifier(log.engine, log.audit, java.util.Set.of(log.key.keyId())).verify(null, null).valid())
                .isTrue();
    }

    @Test
    void one_changed_byte_in_a_stored_payload_is_found_at_its_position() {
        Document commit = log.ownerOf(8); // positions 8 and 9
        String text = commit.getList("events", Document.class).get(1).get("payload", Document.class).getString("text");
        log.events.updateOne(eq("_id", 8L), Updates.set("events.1.payload.text", text.replace('条', '件')));

        LogVerifier.Report report = log.verifier.verify(null, null);

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(9);
        assertThat(report.checkedEntries()).isEqualTo(8);
        assertThat(report.problem()).contains("position 9 is not what was notarized");
        assertThat(log.verifier.verify(10L, null).valid()).as("a range after the change").isTrue();
    }

    @Test
    void a_deleted_commit_is_found() {
        log.events.deleteOne(eq("_id", 10L)); // positions 10, 11, 12

        LogVerifier.Report report = log.verifier.verify(null, null);

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(10);
        assertThat(report.problem()).contains("position 10 has no entry");
    }

    @Test
    void two_reordered_events_are_found_even_with_their_positions_rewritten_to_fit() {
        Document first = log.ownerOf(7); // a commit of one event
        Document second = log.ownerOf(8); // 8 and 9
        Document seven = first.getList("events", Document.class).get(0);
        Document eight = second.getList("events", Document.class).get(0);
        seven.put("position", 8L);
        eight.put("position", 7L);
        log.events.updateOne(eq("_id", 7L), Updates.set("events.0", eight));
        log.events.updateOne(eq("_id", 8L), Updates.set("events.0", seven));

        LogVerifier.Report report = log.verifier.verify(null, null);

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(7);
        assertThat(report.problem()).contains("position 7 is not what was notarized");
    }

    @Test
    void a_tail_truncated_after_a_checkpoint_is_found_even_when_the_tree_is_cut_back_too() {
        // the thorough intruder: drops the last commits, winds the counter and the tree back, deletes their nodes
        log.events.deleteMany(Filters.gte("_id", 22L)); // positions 22..30
        log.database.getCollection(MongoEventStorageEngine.COUNTERS).updateOne(eq("_id", "global"), Updates.set("last", 21L));
        log.audit.setTreeSize(21, java.time.Instant.now());
        log.database.getCollection(AuditStore.NODES).deleteMany(Filters.in("_id", List.of("0/21", "0/22", "0/23")));

        LogVerifier.Report report = log.verifier.verify(null, null);

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(22);
        assertThat(report.problem()).contains("covered by the checkpoint of 30 entries");
    }

    @Test
    void a_changed_entry_whose_leaf_was_rewritten_to_match_is_found_by_the_node_above_it() {
        log.events.updateOne(eq("_id", 4L), Updates.set("events.0.payload.text", "改过"));
        String canonical = CanonicalEntries.of(log.engine.readSettled(4, 1).get(0));
        log.database.getCollection(AuditStore.NODES).updateOne(eq("_id", "0/3"),
                Updates.set("hash", Merkle.hex(Merkle.leafHash(canonical))));

        LogVerifier.Report report = log.verifier.verify(null, null);

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(3);
        assertThat(report.problem()).contains("tree node 1/1 (positions 3..4)").contains("stored tree was altered");
    }

    @Test
    void an_entry_and_its_whole_stored_tree_rewritten_are_found_by_the_signed_checkpoint() {
        log.events.updateOne(eq("_id", 4L), Updates.set("events.0.payload.text", "改过"));
        var nodes = log.database.getCollection(AuditStore.NODES);
        nodes.deleteMany(new Document());
        Frontier frontier = new Frontier();
        for (var entry : log.engine.readSettled(1, 30)) {
            for (Frontier.Node node : frontier.append(Merkle.leafHash(CanonicalEntries.of(entry)))) {
                nodes.insertOne(new Document("_id", node.level() + "/" + node.index()).append("level", node.level())
                        .append("index", node.index()).append("hash", Merkle.hex(node.hash())));
            }
        }

        LogVerifier.Report report = log.verifier.verify(null, null);

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(1);
        assertThat(report.problem()).contains("do not hash to the root signed in the checkpoint of 30 entries");
    }

    @Test
    void a_checkpoint_changed_in_the_database_fails_its_signature() {
        log.database.getCollection(AuditStore.CHECKPOINTS).updateOne(eq("_id", 30L),
                Updates.set("rootHash", Merkle.hex(Merkle.leafHash("another root"))));

        LogVerifier.Report report = log.verifier.verify(null, null);

        assertThat(report.valid()).isFalse();
        assertThat(report.problem()).contains("signature of the checkpoint of 30 entries does not verify");
    }
}
