package ledger.query.audit;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import ledger.evidence.Checkpoint;
import ledger.evidence.Merkle;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.InvalidMessageException;
import ledger.kernel.shared.LedgerException;
import ledger.store.audit.AuditStore;
import ledger.store.audit.EvidenceAssembler;
import ledger.store.audit.LogVerifier;
import ledger.web.RequestFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence for auditors: re-verify the stored log against its tree and signed checkpoints,
 * export the checkpoints (to keep outside the system) and the public key, and download evidence
 * packages that anyone can check offline.
 */
@RestController
@Tag(name = "Tamper evidence 防篡改证明")
class AuditController {

    record CheckpointSummary(long treeSize, String rootHash, Instant time, String keyId) {
        static CheckpointSummary of(Checkpoint checkpoint) {
            return checkpoint == null ? null : new CheckpointSummary(checkpoint.treeSize(),
                    Merkle.hex(checkpoint.rootHash()), checkpoint.time(), checkpoint.keyId());
        }
    }

    /**
     * {@code keysPinned}: signatures and seals were checked against the keys configured in
     * LEDGER_AUDIT_TRUSTED_KEYS; false: against the keys the store publishes, which someone able to
     * write to the database could replace (the checkpoints kept outside the system still catch it).
     * {@code notaryHeadChecked}: the checkpoints were compared with the head the notary keeps beside
     * its key (LEDGER_AUDIT_NOTARY_HEAD_FILE).
     */
    record Verification(boolean valid, long checkedEntries, CheckpointSummary lastCheckpoint, Long firstBrokenPosition,
                        String problem, boolean keysPinned, boolean notaryHeadChecked) {
    }

    private final LogVerifier verifier;
    private final EvidenceAssembler assembler;
    private final EvidencePackages packages;
    private final AuditStore store;

    AuditController(LogVerifier verifier, EvidenceAssembler assembler, EvidencePackages packages, AuditStore store) {
        this.verifier = verifier;
        this.assembler = assembler;
        this.packages = packages;
        this.store = store;
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Re-check the stored log (or a range of positions) against its tree and signed checkpoints")
    Verification verify(@Parameter(description = "first position (default 1)")
                        @RequestParam(required = false) @Positive Long from,
                        @Parameter(description = "last position (default: all notarized)")
                        @RequestParam(required = false) @Positive Long to) {
        if (from != null && to != null && to < from) {
            throw new InvalidMessageException("to", "must not be before from");
        }
        LogVerifier.Report report = verifier.verify(from, to);
        return new Verification(report.valid(), report.checkedEntries(), CheckpointSummary.of(report.lastCheckpoint()),
                report.firstBrokenPosition(), report.problem(), verifier.keysPinned(), report.headChecked());
    }

    @GetMapping("/api/audit/alarms")
    @Operation(summary = "Every tamper alarm the notary raised (an entry without the writer's seal, a rewritten tree, "
            + "deleted checkpoints), first raised first")
    List<AuditStore.Alarm> alarms() {
        return store.alarms();
    }

    @GetMapping("/api/audit/checkpoints")
    @Operation(summary = "Every signed checkpoint with consistency proofs and the public key: a file to keep outside the system")
    ResponseEntity<String> checkpoints() {
        return EvidencePackages.attachment(assembler.checkpoints().toJson(), "ledger-checkpoints.json");
    }

    @GetMapping(value = "/api/audit/public-key", produces = "application/x-pem-file")
    @Operation(summary = "The public key the latest checkpoint is signed with (PEM)")
    String publicKey() {
        Checkpoint latest = store.latestCheckpoint().orElseThrow(() -> new LedgerException(
                ErrorCode.EVIDENCE_NOT_YET_CHECKPOINTED, "No checkpoint has been signed yet"));
        // a signed checkpoint whose key is not published is itself a finding, not an internal error
        return store.publicKeyPem(latest.keyId()).orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_RESOURCE,
                "The key " + latest.keyId() + " of the latest checkpoint is not published in the store"));
    }

    @GetMapping("/api/audit/evidence/bulletins/{month}")
    @Operation(summary = "Evidence package of a month's bulletin: all its events with proofs to the latest checkpoint")
    ResponseEntity<String> bulletinEvidence(@PathVariable String month) {
        java.time.YearMonth of = RequestFields.month(month);
        return EvidencePackages.download(packages.forBulletin(of), EvidencePackages.bulletinFileName(of));
    }
}
