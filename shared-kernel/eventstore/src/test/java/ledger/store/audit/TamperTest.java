package ledger.store.audit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import ledger.evidence.Checkpoint;
import ledger.evidence.CheckpointExport;
import ledger.evidence.EvidencePackage;
import ledger.evidence.EvidenceVerifier;
import ledger.evidence.Frontier;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
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

    // ---- issue 12: entries the command side never wrote, and checkpoints that went missing

    @Test
    void an_event_appended_straight_into_the_database_is_never_notarized_and_verify_names_it_a_forgery() {
        log.forge(31, "更正：第3条通报撤回", null); // a fake erratum at the next position
        List<String> genuine = log.append("notebook-2", 3); // 32..34, written by the command side after it

        log.notary.pass();
        log.notary.checkpointNow();

        assertThat(log.audit.treeSize()).as("the tree stops before the forgery").isEqualTo(30);
        assertThat(log.audit.checkpoints()).extracting(c -> c.treeSize()).containsExactly(30L);
        assertThat(log.audit.alarms()).singleElement().satisfies(alarm -> {
            assertThat(alarm.position()).isEqualTo(31);
            assertThat(alarm.problem()).contains("position 31 carries no valid seal").contains("forgery");
        });
        LogVerifier.Report report = log.verifier.verify(null, null);
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(31);
        assertThat(report.problem()).contains("position 31 carries no valid seal of the writer");
        assertThat(log.verifier.verify(1L, 30L).valid()).as("what was notarized before it").isTrue();
        assertThatThrownBy(() -> log.evidence.forEvents("督查通报", "notebook-1", List.of("forged-31", genuine.get(0))))
                .hasMessageContaining("position 31 behind notebook-1 raised a TAMPER ALARM")
                .extracting(e -> ((LedgerException) e).code()).isEqualTo(ErrorCode.EVIDENCE_TAMPERED);
    }

    @Test
    void a_forged_event_with_a_seal_copied_from_a_genuine_commit_is_a_forgery_too() {
        log.forge(31, "更正：第3条通报撤回", log.ownerOf(1).get(MongoEventStorageEngine.SEAL, Document.class));

        log.notary.pass();

        assertThat(log.audit.treeSize()).isEqualTo(30);
        LogVerifier.Report report = log.verifier.verify(null, null);
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(31);
        assertThat(report.problem()).contains("the seal of position 31 does not match what its document holds");
    }

    @Test
    void a_forged_event_with_the_stored_tree_recomputed_over_it_is_not_signed_and_verify_names_it() {
        log.forge(31, "更正：第3条通报撤回", null);
        log.recomputeTreeTo(31); // the intruder extends audit_nodes and audit_state over the forgery

        assertThatThrownBy(log.notary::checkpointNow).isInstanceOf(AuditStore.LogChangedException.class)
                .hasMessageContaining("position 31 carries no valid seal");

        assertThat(log.audit.checkpoints()).extracting(c -> c.treeSize()).containsExactly(30L);
        assertThat(log.audit.alarms()).anySatisfy(alarm -> assertThat(alarm.position()).isEqualTo(31));
        LogVerifier.Report report = log.verifier.verify(null, null);
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(31);
        assertThat(report.problem()).contains("position 31 carries no valid seal");
    }

    @Test
    void a_package_signed_over_a_forged_event_is_invalid_offline() {
        // as if a notary without seal checks (the one before issue 12) had been fooled into signing it
        log.forge(31, "更正：第3条通报撤回", null);
        log.recomputeTreeTo(31);
        Frontier tree = Frontier.restore(31, log.audit::node);
        Checkpoint latest = log.audit.latestCheckpoint().orElseThrow();
        log.audit.saveCheckpoint(log.key.sign(31, tree.root(), java.time.Instant.now(), latest.hash(), 1));
        EvidencePackage evidence = EvidencePackage.parse(log.evidence.forEvents("督查通报", "notebook-1",
                List.of("forged-31", log.ownerOf(30).getList("eventIds", String.class).get(0))).toJson());

        EvidenceVerifier.Verdict verdict = EvidenceVerifier.verify(evidence, log.key.publicKey());

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problems()).singleElement().asString().contains("position 31").contains("FORGERY")
                .contains("carries no seal");
    }

    @Test
    void dropped_tree_and_checkpoints_make_verify_invalid_against_the_kept_head_and_once_the_entries_are_old() {
        for (String collection : List.of(AuditStore.NODES, AuditStore.STATE, AuditStore.CHECKPOINTS)) {
            log.database.getCollection(collection).deleteMany(new Document());
        }

        LogVerifier.Report againstHead = log.verifier(Clock.systemUTC(), true).verify(null, null);
        assertThat(againstHead.valid()).isFalse();
        assertThat(againstHead.headChecked()).isTrue();
        assertThat(againstHead.problem()).contains("the notary last signed a checkpoint of 30 entries")
                .contains("signed checkpoints were deleted");

        LogVerifier.Report later = log.verifier(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)), false)
                .verify(null, null);
        assertThat(later.valid()).isFalse();
        assertThat(later.firstBrokenPosition()).isEqualTo(1);
        assertThat(later.problem()).contains("no signed checkpoint covers it (the store holds no checkpoint at all)");

        // the notary rebuilds the tree from the genuine log, but will not sign past the checkpoint it lost
        assertThatThrownBy(log.notary::pass).isInstanceOf(AuditStore.LogChangedException.class);
        assertThat(log.audit.alarms()).anySatisfy(alarm -> assertThat(alarm.problem())
                .contains("the checkpoint of 30 entries this key signed last is missing").contains("checkpoints were deleted"));
    }

    @Test
    void a_fresh_log_is_valid_in_its_first_minutes_before_any_checkpoint() {
        try (AuditedLog fresh = new AuditedLog()) {
            fresh.append("notebook-1", 3);

            LogVerifier.Report report = fresh.verifier(Clock.systemUTC(), true).verify(null, null);

            assertThat(report.valid()).isTrue();
            assertThat(report.checkedEntries()).as("sealed, not yet notarized").isEqualTo(3);
            assertThat(fresh.verifier(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)), false).verify(null, null)
                    .problem()).as("but not for longer than the grace period").contains("no signed checkpoint covers it");
        }
    }

    @Test
    void a_deleted_latest_checkpoint_is_found_against_the_kept_head_or_once_its_entries_are_old() {
        log.append("notebook-2", 10); // 31..40
        log.notary.pass();
        log.notary.checkpointNow();
        log.database.getCollection(AuditStore.CHECKPOINTS).deleteOne(eq("_id", 40L));

        LogVerifier.Report againstHead = log.verifier(Clock.systemUTC(), true).verify(null, null);
        assertThat(againstHead.valid()).isFalse();
        assertThat(againstHead.problem()).contains("last signed a checkpoint of 40 entries")
                .contains("its latest covers 30 entries");
        LogVerifier.Report later = log.verifier(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)), false)
                .verify(null, null);
        assertThat(later.valid()).isFalse();
        assertThat(later.firstBrokenPosition()).isEqualTo(31);
        assertThat(later.problem()).contains("no signed checkpoint covers it (the latest covers 30 entries)");

        log.append("notebook-3", 2);
        log.notary.pass();
        assertThatThrownBy(log.notary::checkpointNow).hasMessageContaining("checkpoint of 40 entries this key signed last");
        assertThat(log.audit.alarms()).anySatisfy(alarm -> assertThat(alarm.problem()).contains("checkpoints were deleted"));
    }

    @Test
    void a_checkpoint_planted_under_the_size_the_notary_signs_next_is_an_alarm_not_a_quiet_success() {
        log.append("notebook-2", 10); // 31..40
        log.notary.pass();
        Document planted = log.database.getCollection(AuditStore.CHECKPOINTS).find(eq("_id", 30L)).first();
        planted.put("_id", 40L);
        planted.put("treeSize", 40L);
        log.database.getCollection(AuditStore.CHECKPOINTS).insertOne(planted);

        assertThatThrownBy(log.notary::checkpointNow).hasMessageContaining("another checkpoint of 40 entries is already stored");
        assertThat(log.audit.alarms()).anySatisfy(alarm -> assertThat(alarm.problem()).contains("written by someone else"));
        assertThat(log.verifier.verify(null, null).valid()).isFalse();
    }

    @Test
    void packages_find_the_latest_checkpoint_by_key_and_still_see_one_deleted_under_them() {
        log.append("notebook-2", 10);
        log.notary.pass();
        log.notary.checkpointNow(); // 40
        assertThat(log.database.getCollection(AuditStore.STATE).find(eq("_id", AuditStore.LATEST_CHECKPOINT)).first()
                .get("treeSize", Number.class).longValue()).isEqualTo(40);
        assertThat(log.audit.latestCheckpoint()).get().extracting(Checkpoint::treeSize).isEqualTo(40L);

        log.database.getCollection(AuditStore.CHECKPOINTS).deleteOne(eq("_id", 40L));

        assertThat(log.audit.latestCheckpoint()).get().extracting(Checkpoint::treeSize).isEqualTo(30L);
    }

    @Test
    void a_deleted_middle_checkpoint_breaks_the_chain_online_and_offline() {
        log.append("notebook-2", 10);
        log.notary.pass();
        log.notary.checkpointNow(); // 40
        log.append("notebook-3", 10);
        log.notary.pass();
        log.notary.checkpointNow(); // 50
        CheckpointExport kept = log.evidence.checkpoints();
        log.database.getCollection(AuditStore.CHECKPOINTS).deleteOne(eq("_id", 40L));

        LogVerifier.Report report = log.verifier.verify(null, null);
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(50);
        assertThat(report.problem()).contains("the checkpoint of 50 entries names a predecessor that is not the "
                + "checkpoint of 30 entries before it");

        EvidenceVerifier.Verdict offline = EvidenceVerifier.verify(CheckpointExport.parse(log.evidence.checkpoints().toJson()),
                log.key.publicKey(), null);
        assertThat(offline.valid()).isFalse();
        assertThat(offline.problems()).anySatisfy(p -> assertThat(p).contains("checkpoint 2 (tree size 50)")
                .contains("a checkpoint between them was removed"));
        assertThat(EvidenceVerifier.verify(kept, log.key.publicKey(), null).valid()).as("the export kept before").isTrue();
    }
}
