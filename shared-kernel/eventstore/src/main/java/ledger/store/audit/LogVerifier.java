package ledger.store.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ledger.evidence.Checkpoint;
import ledger.evidence.Frontier;
import ledger.evidence.Merkle;
import ledger.evidence.SigningKey;
import ledger.store.MongoEventStorageEngine;
import ledger.store.MongoEventStorageEngine.LogEntry;
import org.bson.Document;

/**
 * Re-checks the stored log against its tree and its signed checkpoints: reads every position of
 * the range as stored (no waiting, no claiming), recomputes each leaf and every node above it,
 * compares them with the stored nodes, and at each checkpoint compares the recomputed root with
 * the signed one and the signature with the published key. Stops at the first break.
 */
public class LogVerifier {

    private static final int WINDOW = 1000;

    /** The outcome: where the log first breaks, if it does, and what is wrong there. */
    public record Report(boolean valid, long checkedEntries, Checkpoint lastCheckpoint, Long firstBrokenPosition,
                         String problem) {
    }

    private final MongoEventStorageEngine engine;
    private final AuditStore store;
    private final Set<String> trustedKeyIds;

    public LogVerifier(MongoEventStorageEngine engine, AuditStore store) {
        this(engine, store, Set.of());
    }

    /**
     * @param trustedKeyIds the ids of the signing keys to trust, configured outside the store; empty:
     *                      every key published in the store, which a writer to the database could add
     */
    public LogVerifier(MongoEventStorageEngine engine, AuditStore store, Set<String> trustedKeyIds) {
        this.engine = engine;
        this.store = store;
        this.trustedKeyIds = Set.copyOf(trustedKeyIds);
    }

    /** Whether signatures are checked against configured keys rather than those the store publishes. */
    public boolean keysPinned() {
        return !trustedKeyIds.isEmpty();
    }

    /**
     * @param from first position to check (null: 1); positions before it are taken from the stored tree
     * @param to   last position to check (null: as far as the tree or the last checkpoint reaches)
     */
    public Report verify(Long from, Long to) {
        List<Checkpoint> checkpoints = store.checkpoints();
        Checkpoint last = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        long treeSize = store.treeSize();
        long length = Math.max(treeSize, last == null ? 0 : last.treeSize());
        long first = from == null ? 1 : Math.max(1, from);
        long end = to == null ? length : Math.min(to, length);

        Map<Long, Checkpoint> bySize = new LinkedHashMap<>();
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.treeSize() >= first && checkpoint.treeSize() <= end) {
                Optional<String> problem = signatureProblem(checkpoint);
                if (problem.isPresent()) {
                    return new Report(false, 0, last, checkpoint.treeSize(), problem.get());
                }
                bySize.put(checkpoint.treeSize(), checkpoint);
            }
        }
        if (first > end) {
            return new Report(true, 0, last, null, null);
        }
        Frontier frontier;
        try {
            frontier = first == 1 ? new Frontier() : Frontier.restore(first - 1, store::node);
        } catch (IllegalStateException missing) {
            return new Report(false, 0, last, first, "the stored tree before position " + first + " is incomplete: "
                    + missing.getMessage());
        }
        long verifiedUpTo = first - 1;
        for (long window = first; window <= end; window += WINDOW) {
            int count = (int) Math.min(WINDOW, end - window + 1);
            Map<Long, Document> owners = engine.owners(window, count);
            List<Frontier.Node> computed = new ArrayList<>(count * 2);
            List<Long> positionOfNode = new ArrayList<>(count * 2);
            for (long p = window; p < window + count; p++) {
                Document owner = owners.get(p);
                if (owner == null) {
                    Report gone = broken(p, p - first, last, "position " + p + " has no entry: its document is gone"
                            + (last != null && p <= last.treeSize() ? " (it is covered by the checkpoint of "
                            + last.treeSize() + " entries; the log was truncated or an event deleted)" : ""));
                    return earliest(compareWithStored(computed, positionOfNode, first, last), gone);
                }
                String canonical = CanonicalEntries.of(new LogEntry(p, owner, MongoEventStorageEngine.eventAt(owner, p)));
                if (canonical == null) {
                    Report moved = broken(p, p - first, last, "the document " + owner.get("_id") + " owns position " + p
                            + " but holds no event with that position (events were moved or reordered)");
                    return earliest(compareWithStored(computed, positionOfNode, first, last), moved);
                }
                for (Frontier.Node node : frontier.append(Merkle.leafHash(canonical))) {
                    computed.add(node);
                    positionOfNode.add(p);
                }
                Checkpoint checkpoint = bySize.get(p);
                if (checkpoint != null && !Arrays.equals(frontier.root(), checkpoint.rootHash())) {
                    // the leaves matched the stored tree up to here, so the stored tree was rewritten with them
                    long suspect = Math.max(first, verifiedUpTo + 1);
                    Report mismatch = compareWithStored(computed, positionOfNode, first, last);
                    return mismatch != null ? mismatch : broken(suspect, suspect - first, last,
                            "the entries up to position " + p + " do not hash to the root signed in the checkpoint of "
                                    + p + " entries (entries after position " + verifiedUpTo + " were changed)");
                }
                if (checkpoint != null) {
                    verifiedUpTo = p;
                }
            }
            Report mismatch = compareWithStored(computed, positionOfNode, first, last);
            if (mismatch != null) {
                return mismatch;
            }
        }
        return new Report(true, end - first + 1, last, null, null);
    }

    /** The first recomputed node that differs from (or is missing in) the stored tree, as a broken report. */
    private Report compareWithStored(List<Frontier.Node> computed, List<Long> positionOfNode, long first,
                                     Checkpoint last) {
        Map<String, byte[]> stored = store.nodes(computed.stream().map(n -> AuditStore.nodeId(n.level(), n.index())).toList());
        for (int i = 0; i < computed.size(); i++) {
            Frontier.Node node = computed.get(i);
            String id = AuditStore.nodeId(node.level(), node.index());
            byte[] kept = stored.get(id);
            if (kept != null && Arrays.equals(kept, node.hash())) {
                continue;
            }
            long position = node.index() * (1L << node.level()) + 1;
            long checked = position - first;
            if (kept == null) {
                return broken(position, checked, last, "tree node " + id + " (positions " + position + ".."
                        + positionOfNode.get(i) + ") was never stored or was deleted");
            }
            return broken(position, checked, last, node.level() == 0
                    ? "the entry at position " + position + " is not what was notarized: it was changed, replaced or moved"
                    : "tree node " + id + " (positions " + position + ".." + positionOfNode.get(i)
                            + ") does not match the entries under it: the stored tree was altered");
        }
        return null;
    }

    private Optional<String> signatureProblem(Checkpoint checkpoint) {
        if (keysPinned() && !trustedKeyIds.contains(checkpoint.keyId())) {
            return Optional.of("the checkpoint of " + checkpoint.treeSize() + " entries is signed with key "
                    + checkpoint.keyId() + ", which is not among the trusted keys (LEDGER_AUDIT_TRUSTED_KEYS)");
        }
        Optional<String> pem = store.publicKeyPem(checkpoint.keyId());
        if (pem.isEmpty()) {
            return Optional.of("the checkpoint of " + checkpoint.treeSize() + " entries names key " + checkpoint.keyId()
                    + ", which was never published");
        }
        PublicKey key = SigningKey.publicKeyFromPem(pem.get());
        if (!SigningKey.keyId(key).equals(checkpoint.keyId()) || !SigningKey.verify(checkpoint, key)) {
            return Optional.of("the signature of the checkpoint of " + checkpoint.treeSize() + " entries does not verify");
        }
        return Optional.empty();
    }

    private static Report earliest(Report stored, Report found) {
        return stored != null && stored.firstBrokenPosition() <= found.firstBrokenPosition() ? stored : found;
    }

    private static Report broken(long position, long checked, Checkpoint last, String problem) {
        return new Report(false, Math.max(0, checked), last, position, problem);
    }
}
