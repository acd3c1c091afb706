package ledger.store.audit;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

import ledger.evidence.Checkpoint;
import ledger.evidence.EvidenceVerifier;
import ledger.evidence.Frontier;
import ledger.evidence.Merkle;
import ledger.evidence.Seal;
import ledger.evidence.SigningKey;
import ledger.store.MongoEventStorageEngine;
import ledger.store.MongoEventStorageEngine.LogEntry;
import org.bson.Document;

/**
 * Re-checks the stored log against its tree, its signed checkpoints and the writer's seals: reads
 * every position of the range as stored (no waiting, no claiming), recomputes each leaf and every
 * node above it, compares them with the stored nodes, at each checkpoint compares the recomputed
 * root with the signed one, checks each entry's seal, and goes on past the tree to the end of the
 * log, where only the seals vouch for an entry. The checkpoints must form one chain, agree with
 * the head the notary keeps beside its key (when that file is readable here), and cover every
 * entry older than the grace period. Reports the first break: in the tree, else a seal, else the
 * checkpoints.
 */
public class LogVerifier {

    private static final int WINDOW = 1000;

    /**
     * The outcome: where the log first breaks, if it does, and what is wrong there;
     * {@code headChecked}: the checkpoints were compared with the head the notary keeps beside its key.
     */
    public record Report(boolean valid, long checkedEntries, Checkpoint lastCheckpoint, Long firstBrokenPosition,
                         String problem, boolean headChecked) {
    }

    private final MongoEventStorageEngine engine;
    private final AuditStore store;
    private final Set<String> trustedKeyIds;
    private final Clock clock;
    private final Duration grace;
    private final Notary.HeadKeeper notaryHead;

    public LogVerifier(MongoEventStorageEngine engine, AuditStore store) {
        this(engine, store, Set.of());
    }

    public LogVerifier(MongoEventStorageEngine engine, AuditStore store, Set<String> trustedKeyIds) {
        this(engine, store, trustedKeyIds, Clock.systemUTC(), Duration.ofMinutes(5), Notary.HeadKeeper.NONE);
    }

    /**
     * @param trustedKeyIds the ids of the signing keys to trust, configured outside the store; empty:
     *                      every key published in the store, which a writer to the database could add
     * @param grace         how old an entry may be without a checkpoint covering it (the notary's
     *                      checkpoint interval and pass interval, with room to spare)
     * @param notaryHead    the head the notary keeps beside its key, read only; NONE where it is not reachable
     */
    public LogVerifier(MongoEventStorageEngine engine, AuditStore store, Set<String> trustedKeyIds, Clock clock,
                       Duration grace, Notary.HeadKeeper notaryHead) {
        this.engine = engine;
        this.store = store;
        this.trustedKeyIds = Set.copyOf(trustedKeyIds);
        this.clock = clock;
        this.grace = grace;
        this.notaryHead = notaryHead;
    }

    /** Whether signatures are checked against configured keys rather than those the store publishes. */
    public boolean keysPinned() {
        return !trustedKeyIds.isEmpty();
    }

    /**
     * @param from first position to check (null: 1); positions before it are taken from the stored tree
     * @param to   last position to check (null: to the end of the log)
     */
    public Report verify(Long from, Long to) {
        return verify(from, to, checked -> { });
    }

    /**
     * As {@link #verify(Long, Long)}, telling {@code progress} how many entries are checked after each window
     * read, so a long run can be followed while it goes (the workbench's progress bar).
     */
    public Report verify(Long from, Long to, LongConsumer progress) {
        List<Checkpoint> checkpoints = store.checkpoints();
        Checkpoint last = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        long treeSize = store.treeSize();
        long length = Math.max(treeSize, last == null ? 0 : last.treeSize());
        long first = from == null ? 1 : Math.max(1, from);
        long end = to == null ? length : Math.min(to, length);
        Optional<Notary.Head> head = readHead();

        Map<Long, Checkpoint> bySize = new LinkedHashMap<>();
        for (int i = 0; i < checkpoints.size(); i++) {
            Checkpoint checkpoint = checkpoints.get(i);
            Checkpoint before = i == 0 ? null : checkpoints.get(i - 1);
            Optional<String> problem = signatureProblem(checkpoint)
                    .or(() -> EvidenceVerifier.chainProblem(checkpoint, before)
                            .map(p -> "the checkpoint of " + checkpoint.treeSize() + " entries " + p));
            if (problem.isPresent()) {
                return new Report(false, 0, last, checkpoint.treeSize(), problem.get(), head.isPresent());
            }
            if (checkpoint.treeSize() >= first && checkpoint.treeSize() <= end) {
                bySize.put(checkpoint.treeSize(), checkpoint);
            }
        }
        Seals seals = new Seals(GenuineCommits.sealedFrom(checkpoints, head));
        Report treeBreak = first > end ? null : verifyTree(first, end, last, bySize, seals, progress);
        if (treeBreak != null) {
            return withHead(treeBreak, head);
        }
        long checked = Math.max(0, end - first + 1);
        if (to == null || to > length) {
            checked += verifyBeyondTree(Math.max(first, length + 1), to == null ? Long.MAX_VALUE : to, seals,
                    done -> progress.accept(Math.max(0, end - first + 1) + done));
        }
        if (seals.broken != null) {
            return withHead(seals.broken, head);
        }
        Optional<String> headProblem = head.flatMap(h -> headProblem(h, checkpoints, last));
        if (headProblem.isPresent()) {
            return new Report(false, checked, last, null, headProblem.get(), true);
        }
        if (to == null) {
            Optional<Report> uncovered = uncovered(last, checked);
            if (uncovered.isPresent()) {
                return withHead(uncovered.get(), head);
            }
        }
        return new Report(true, checked, last, null, null, head.isPresent());
    }

    /** Tree and checkpoints over [first, end], with seals noted on the way: the first break, or null. */
    private Report verifyTree(long first, long end, Checkpoint last, Map<Long, Checkpoint> bySize, Seals seals,
                              LongConsumer progress) {
        Frontier frontier;
        try {
            frontier = first == 1 ? new Frontier() : Frontier.restore(first - 1, store::node);
        } catch (IllegalStateException missing) {
            return broken(first, 0, last, "the stored tree before position " + first + " is incomplete: "
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
                LogEntry entry = new LogEntry(p, owner, MongoEventStorageEngine.eventAt(owner, p));
                String canonical = CanonicalEntries.of(entry);
                if (canonical == null) {
                    Report moved = broken(p, p - first, last, "the document " + owner.get("_id") + " owns position " + p
                            + " but holds no event with that position (events were moved or reordered)");
                    return earliest(compareWithStored(computed, positionOfNode, first, last), moved);
                }
                seals.check(entry, p - first, last);
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
            progress.accept(window + count - first);
        }
        return null;
    }

    /**
     * The entries not yet in the tree, up to the end of the log (or {@code to}): only their seals
     * vouch for them, so an entry put straight into the database is found before the notary gets
     * to it. A missing position here may be a commit still being written, so it is passed over.
     */
    private long verifyBeyondTree(long from, long to, Seals seals, LongConsumer progress) {
        long reserved = engine.lastReservedPosition();
        long checked = 0;
        for (long window = from; window <= to; window += WINDOW) {
            int count = (int) Math.min(WINDOW, to - window + 1);
            Map<Long, Document> owners = engine.owners(window, count);
            if (owners.isEmpty() && window > reserved) {
                break;
            }
            for (long p = window; p < window + count; p++) {
                Document owner = owners.get(p);
                if (owner != null) {
                    seals.check(new LogEntry(p, owner, MongoEventStorageEngine.eventAt(owner, p)), checked, null);
                    checked++;
                }
            }
            progress.accept(checked);
        }
        return checked;
    }

    /** Checks each document's seal once (a commit owns several positions) and keeps the first break. */
    private final class Seals {
        private final long sealedFrom;
        private final Map<String, Optional<PublicKey>> keys = new HashMap<>();
        private Document checkedOwner;
        private Report broken;

        Seals(long sealedFrom) {
            this.sealedFrom = sealedFrom;
        }

        void check(LogEntry entry, long checkedBefore, Checkpoint last) {
            if (broken != null || entry.owner() == checkedOwner) {
                return;
            }
            checkedOwner = entry.owner();
            if (CanonicalEntries.of(entry) == null) {
                broken = broken(entry.position(), checkedBefore, last, "the document " + entry.owner().get("_id")
                        + " owns position " + entry.position() + " but holds no event with that position");
                return;
            }
            CommitSeals.problem(entry, sealedFrom, id -> keys.computeIfAbsent(id, LogVerifier.this::sealKey))
                    .ifPresent(problem -> broken = broken(entry.position(), checkedBefore, last, problem));
        }
    }

    /** The public key of a seal's key id: one of the trusted ids when they are pinned, and published. */
    private Optional<PublicKey> sealKey(String keyId) {
        return GenuineCommits.trustedKey(store, trustedKeyIds, keyId);
    }

    private Optional<Notary.Head> readHead() {
        try {
            return notaryHead.read();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Whether the checkpoints still hold the one the notary last signed (kept beside its key, out of the database's reach). */
    private static Optional<String> headProblem(Notary.Head head, List<Checkpoint> checkpoints, Checkpoint last) {
        if (head.treeSize() == 0 || head.checkpoint() == null) {
            return Optional.empty();
        }
        Optional<Checkpoint> signed = checkpoints.stream().filter(c -> c.treeSize() == head.treeSize()).findFirst();
        if (signed.isEmpty()) {
            return Optional.of("the notary last signed a checkpoint of " + head.treeSize() + " entries (its head, kept "
                    + "beside its key), but the store " + (last == null ? "holds no checkpoint at all"
                    : "does not hold it (its latest covers " + last.treeSize() + " entries)")
                    + ": signed checkpoints were deleted");
        }
        if (!Arrays.equals(signed.get().hash(), head.checkpoint())) {
            return Optional.of("the checkpoint of " + head.treeSize() + " entries in the store is not the one the notary "
                    + "signed (its head, kept beside its key): it was replaced");
        }
        return Optional.empty();
    }

    /**
     * An entry older than the grace period that no checkpoint covers: the notary signs within its
     * interval, so either checkpoints (or the tree) were dropped, or the notary has stopped. The
     * entry's time is the one its seal states (the writer's clock, which the seal protects), else its own.
     */
    private Optional<Report> uncovered(Checkpoint last, long checked) {
        long next = last == null ? 1 : last.treeSize() + 1;
        Document owner = engine.owners(next, 1).get(next);
        if (owner == null) {
            return Optional.empty();
        }
        Instant written = writtenAt(owner, next);
        if (written == null || !written.isBefore(clock.instant().minus(grace))) {
            return Optional.empty();
        }
        return Optional.of(new Report(false, checked, last, next, "position " + next + " was written at " + written
                + ", longer ago than " + grace + ", but no signed checkpoint covers it"
                + (last == null ? " (the store holds no checkpoint at all)" : " (the latest covers " + last.treeSize()
                + " entries)") + ": the tree or checkpoints were deleted, or the notary has stopped (see /api/audit/alarms)",
                false));
    }

    private static Instant writtenAt(Document owner, long position) {
        try {
            Optional<Seal> seal = CommitSeals.stored(owner);
            if (seal.isPresent()) {
                return seal.get().writtenAt();
            }
            Document event = MongoEventStorageEngine.eventAt(owner, position);
            Object time = event != null ? event.get("timestamp") : owner.get("at");
            return time instanceof String text ? Instant.parse(text) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Report withHead(Report report, Optional<Notary.Head> head) {
        return new Report(report.valid(), report.checkedEntries(), report.lastCheckpoint(), report.firstBrokenPosition(),
                report.problem(), head.isPresent());
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
        return new Report(false, Math.max(0, checked), last, position, problem, false);
    }
}
