package ledger.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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
                    .extracting(e -> ((LedgerException) e).code()).isEqualTo(ErrorCode.UNKNOWN_RESOURCE);
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
