package ledger.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.mongodb.client.model.Filters;
import ledger.evidence.CheckpointExport;
import ledger.evidence.EvidencePackage;
import ledger.evidence.EvidenceVerifier;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import org.junit.jupiter.api.Test;

class EvidenceAssemblerTest {

    @Test
    void a_package_for_some_events_verifies_offline_against_the_notary_key() {
        try (AuditedLog log = new AuditedLog()) {
            List<String> ids = log.append("notebook-1", 40);
            log.notary.pass();

            EvidencePackage evidence = log.evidence.forEvents("实绩证据", "cadre-zhang", List.of(ids.get(2), ids.get(17), ids.get(39)));

            EvidencePackage offline = EvidencePackage.parse(evidence.toJson());
            assertThat(offline.entries()).extracting(EvidencePackage.Entry::position).containsExactly(3L, 18L, 40L);
            assertThat(offline.entries().get(1).canonical()).contains("\"eventId\":\"" + ids.get(17) + "\"");
            assertThat(EvidenceVerifier.verify(offline, log.key.publicKey()).problems()).isEmpty();
            assertThat(offline.entries()).allSatisfy(entry -> assertThat(entry.seal()).as("the writer's seal").isNotNull());
        }
    }

    @Test
    void a_package_is_refused_when_a_commit_its_subject_names_was_deleted_from_the_store() {
        try (AuditedLog log = new AuditedLog()) {
            List<String> ids = log.append("bulletin-2026-03", 6); // commits own 1, 2-3, 4-6
            log.notary.pass();
            assertThat(log.evidence.forAggregate("督查通报", "bulletin-2026-03", ids).entries()).hasSize(6);

            log.events.deleteOne(Filters.eq("_id", 2L)); // sequences 1 and 2
            assertThatThrownBy(() -> log.evidence.forAggregate("督查通报", "bulletin-2026-03", List.of()))
                    .isInstanceOf(LedgerException.class).hasMessageContaining("events 1..2 of bulletin-2026-03")
                    .extracting(e -> ((LedgerException) e).code()).isEqualTo(ErrorCode.EVIDENCE_INCOMPLETE);
            assertThat(log.verifier.verify(null, null).problem()).contains("position 2 has no entry");
        }
    }

    @Test
    void a_package_is_refused_when_the_last_commit_of_its_subject_was_deleted_and_a_view_still_names_it() {
        try (AuditedLog log = new AuditedLog()) {
            List<String> ids = log.append("bulletin-2026-04", 6);
            log.notary.pass();

            log.events.deleteOne(Filters.eq("_id", 4L)); // sequences 3..5, the tail: the store alone cannot tell
            assertThatThrownBy(() -> log.evidence.forAggregate("督查通报", "bulletin-2026-04", ids))
                    .isInstanceOf(LedgerException.class).hasMessageContaining("3 of the events behind bulletin-2026-04")
                    .extracting(e -> ((LedgerException) e).code()).isEqualTo(ErrorCode.EVIDENCE_INCOMPLETE);
            assertThat(log.verifier.verify(null, null).problem()).contains("position 4 has no entry");
        }
    }

    @Test
    void events_not_yet_under_a_checkpoint_or_unknown_are_refused_not_left_out() {
        try (AuditedLog log = new AuditedLog()) {
            List<String> ids = log.append("notebook-1", 5);
            log.notary.pass();
            List<String> later = log.append("notebook-2", 2);
            log.notary.pass(); // extends the tree, but no checkpoint is due yet

            assertThatThrownBy(() -> log.evidence.forEvents("t", "s", List.of(ids.get(0), later.get(1))))
                    .isInstanceOf(LedgerException.class).hasMessageContaining("1 of the 2 events behind s came after")
                    .extracting(e -> ((LedgerException) e).code()).isEqualTo(ErrorCode.EVIDENCE_NOT_YET_CHECKPOINTED);
            assertThatThrownBy(() -> log.evidence.forEvents("t", "s", List.of("no-such-event")))
                    .extracting(e -> ((LedgerException) e).code()).isEqualTo(ErrorCode.EVIDENCE_INCOMPLETE);
        }
    }

    @Test
    void the_checkpoint_export_proves_each_checkpoint_extends_the_previous() {
        try (AuditedLog log = new AuditedLog()) {
            for (int round = 0; round < 4; round++) {
                log.append("notebook-" + round, 3 + round * 5);
                log.notary.extend(Long.MAX_VALUE);
                log.notary.checkpointNow();
            }
            CheckpointExport export = CheckpointExport.parse(log.evidence.checkpoints().toJson());
            assertThat(export.checkpoints()).hasSize(4);
            assertThat(EvidenceVerifier.verify(export, log.key.publicKey(), null).problems()).isEmpty();
        }
    }
}
