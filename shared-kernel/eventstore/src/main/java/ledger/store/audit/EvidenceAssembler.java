package ledger.store.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ledger.evidence.Checkpoint;
import ledger.evidence.CheckpointExport;
import ledger.evidence.EvidencePackage;
import ledger.evidence.Merkle;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.store.MongoEventStorageEngine;
import ledger.store.MongoEventStorageEngine.LogEntry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;

/**
 * Builds what leaves the system for auditors: evidence packages (events with their proofs up to
 * the latest signed checkpoint) and the export of all checkpoints with consistency proofs. Proofs
 * come from the stored nodes, O(log n) of them each, read in key batches; nothing is rehashed.
 */
public class EvidenceAssembler {

    private final MongoEventStorageEngine engine;
    private final AuditStore store;
    private final Clock clock;

    public EvidenceAssembler(MongoEventStorageEngine engine, AuditStore store, Clock clock) {
        this.engine = engine;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The package of every event of an aggregate, from sequence 0: the events the store holds for
     * it, and {@code alsoNamed}, the ids a view recorded for it as they streamed past. A sequence
     * missing between the stored ones, or a named event the store no longer holds, means a commit
     * was deleted: the package is refused (409 EVIDENCE_INCOMPLETE) rather than built without it.
     */
    public EvidencePackage forAggregate(String title, String aggregateId, Collection<String> alsoNamed) {
        List<String> ids = new ArrayList<>();
        long expected = 0;
        for (DomainEventMessage<?> event : engine.readEvents(aggregateId, 0).asStream().toList()) {
            if (event.getSequenceNumber() != expected) {
                throw incomplete("the store holds events " + expected + ".." + (event.getSequenceNumber() - 1) + " of "
                        + aggregateId + " no more (the commit holding them was deleted); the evidence would leave them out");
            }
            ids.add(event.getIdentifier());
            expected++;
        }
        alsoNamed.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return forEvents(title, aggregateId, ids);
    }

    /**
     * The package for these events. Every event must be in the store and covered by a signed
     * checkpoint: evidence with some events quietly left out would mislead, so an event the store
     * no longer holds refuses the package (409 EVIDENCE_INCOMPLETE), a late one is a 503 to retry.
     */
    public EvidencePackage forEvents(String title, String subject, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            throw new LedgerException(ErrorCode.UNKNOWN_RESOURCE, "There are no events behind " + subject);
        }
        Map<String, Long> positions = engine.positionsOf(eventIds);
        List<String> unknown = eventIds.stream().filter(id -> !positions.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw incomplete(unknown.size() + " of the events behind " + subject + " are not in the store " + unknown
                    + ": the log lost them (see /api/audit/verify); the evidence would leave them out");
        }
        TreeSet<Long> wanted = new TreeSet<>(positions.values());
        Checkpoint checkpoint = store.latestCheckpoint().orElseThrow(() -> new LedgerException(
                ErrorCode.EVIDENCE_NOT_YET_CHECKPOINTED, "No checkpoint has been signed yet"));
        // a position the notary refused will never be under a checkpoint: say so rather than "retry later"
        for (AuditStore.Alarm alarm : store.alarms()) {
            if (alarm.position() != null && wanted.contains(alarm.position())) {
                throw new LedgerException(ErrorCode.EVIDENCE_TAMPERED, "position " + alarm.position() + " behind " + subject
                        + " raised a TAMPER ALARM and is not notarized: " + alarm.problem() + " (see /api/audit/alarms)");
            }
        }
        long uncovered = wanted.tailSet(checkpoint.treeSize() + 1).size();
        if (uncovered > 0) {
            throw new LedgerException(ErrorCode.EVIDENCE_NOT_YET_CHECKPOINTED, uncovered + " of the " + wanted.size()
                    + " events behind " + subject + " came after the latest checkpoint (" + checkpoint.treeSize()
                    + " entries, signed " + checkpoint.time() + "); the next checkpoint will cover them");
        }
        Map<Long, Document> owners = engine.owners(wanted);
        long size = checkpoint.treeSize();
        Merkle.SubtreeHashes tree = store.preloadedTree(
                shape -> wanted.forEach(position -> Merkle.inclusionProof(shape, position - 1, size)));
        List<EvidencePackage.Entry> entries = new ArrayList<>();
        for (long position : wanted) {
            Document owner = owners.get(position);
            String canonical = CanonicalEntries.of(
                    new LogEntry(position, owner, MongoEventStorageEngine.eventAt(owner, position)));
            entries.add(new EvidencePackage.Entry(position, canonical,
                    Merkle.inclusionProof(tree, position - 1, size), CommitSeals.stored(owner).orElse(null)));
        }
        return new EvidencePackage(title, subject, clock.instant(), entries, checkpoint, publicKey(checkpoint));
    }

    /** Every signed checkpoint and the proof that each extends the one before. */
    public CheckpointExport checkpoints() {
        List<Checkpoint> checkpoints = store.checkpoints();
        if (checkpoints.isEmpty()) {
            throw new LedgerException(ErrorCode.EVIDENCE_NOT_YET_CHECKPOINTED, "No checkpoint has been signed yet");
        }
        Merkle.SubtreeHashes tree = store.preloadedTree(shape -> {
            for (int i = 1; i < checkpoints.size(); i++) {
                Merkle.consistencyProof(shape, checkpoints.get(i - 1).treeSize(), checkpoints.get(i).treeSize());
            }
        });
        List<List<byte[]>> proofs = new ArrayList<>();
        for (int i = 1; i < checkpoints.size(); i++) {
            proofs.add(Merkle.consistencyProof(tree, checkpoints.get(i - 1).treeSize(), checkpoints.get(i).treeSize()));
        }
        return new CheckpointExport(clock.instant(), publicKey(checkpoints.get(checkpoints.size() - 1)), checkpoints,
                proofs);
    }

    private static LedgerException incomplete(String detail) {
        return new LedgerException(ErrorCode.EVIDENCE_INCOMPLETE, detail);
    }

    private String publicKey(Checkpoint checkpoint) {
        return store.publicKeyPem(checkpoint.keyId()).orElseThrow(() -> new IllegalStateException(
                "the key " + checkpoint.keyId() + " of a signed checkpoint was never published"));
    }
}
