package ledger.store.audit;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ledger.evidence.Checkpoint;
import ledger.evidence.Frontier;
import ledger.evidence.Merkle;
import ledger.evidence.SigningKey;
import ledger.store.MongoEventStorageEngine;
import ledger.store.MongoEventStorageEngine.LogEntry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extends the Merkle tree over the log and signs checkpoints. It reads positions strictly in
 * order and only as far as they are settled (a commit or a void), through the engine's own gap
 * logic, so a leaf is never made for a position whose commit may still arrive. Runs in one
 * process, the holder of the private key; a repeated or interrupted pass writes the same nodes.
 * <p>
 * It notarizes only what the command side wrote: every entry from {@code sealedFrom} on must
 * carry the writer's seal ({@link CommitSeals}). An entry without a valid seal is a TAMPER ALARM
 * (logged and kept in {@code audit_alarms}); the tree stops before it, so nothing after it is
 * ever signed. Checkpoints are chained: each names the hash of the one signed before.
 */
public class Notary {

    private static final Logger log = LoggerFactory.getLogger(Notary.class);
    private static final int BATCH = 1000;

    /** Sign a checkpoint when the tree grew by {@code entries} or {@code interval} passed since the last. */
    public record CheckpointPolicy(long entries, Duration interval) {
    }

    /** What one pass did. */
    public record Pass(long treeSize, long added, Optional<Checkpoint> signed) {
    }

    private final MongoEventStorageEngine engine;
    private final AuditStore store;
    private final SigningKey key;
    private final CheckpointPolicy policy;
    private final Clock clock;
    private final HeadKeeper heads;
    private final long sealedFrom;
    private Frontier frontier;
    // the tree size this instance restored its frontier at, and how far it appended leaves it checked itself
    private long restoredAt;
    private long checkedUpTo;

    /**
     * The last head (tree size and root) this key signed, kept outside the store (beside the key):
     * whoever can write to the database but does not hold the key cannot make the notary sign a
     * rewritten history, because a new checkpoint must extend the kept head.
     */
    public interface HeadKeeper {
        HeadKeeper NONE = new HeadKeeper() {
            @Override
            public Optional<Head> read() {
                return Optional.empty();
            }

            @Override
            public void write(Head head) {
            }
        };

        Optional<Head> read();

        void write(Head head);
    }

    /**
     * @param sealedFrom the first position that must be sealed (null: not yet recorded, a head of the
     *                   notary before seals)
     * @param checkpoint the hash of the checkpoint signed at this head (null: none yet, or not recorded)
     */
    public record Head(long treeSize, byte[] root, Long sealedFrom, byte[] checkpoint) {
        public Head(long treeSize, byte[] root) {
            this(treeSize, root, null, null);
        }
    }

    public Notary(MongoEventStorageEngine engine, AuditStore store, SigningKey key, CheckpointPolicy policy, Clock clock) {
        this(engine, store, key, policy, clock, HeadKeeper.NONE);
    }

    public Notary(MongoEventStorageEngine engine, AuditStore store, SigningKey key, CheckpointPolicy policy, Clock clock,
                  HeadKeeper heads) {
        this.heads = heads;
        this.engine = engine;
        this.store = store;
        this.key = key;
        this.policy = policy;
        this.clock = clock;
        store.publishKey(key.keyId(), key.publicKeyPem(), clock.instant());
        this.sealedFrom = initialSealedFrom();
    }

    /**
     * Where seals begin: as kept beside the key, else as the latest chained checkpoint says, else
     * (the first start with seals) after every position handed out so far, which the command side
     * wrote before it sealed anything. Kept beside the key at once, so a restart cannot move it.
     */
    private long initialSealedFrom() {
        Optional<Head> kept = heads.read();
        if (kept.isPresent() && kept.get().sealedFrom() != null) {
            return kept.get().sealedFrom();
        }
        Optional<Checkpoint> latest = store.latestCheckpoint()
                .filter(c -> c.chained() && c.keyId().equals(key.keyId()) && SigningKey.verify(c, key.publicKey()));
        long from = latest.map(Checkpoint::sealedFrom).orElseGet(() -> engine.lastReservedPosition() + 1);
        heads.write(kept.map(h -> new Head(h.treeSize(), h.root(), from, h.checkpoint()))
                .orElse(new Head(0, null, from, null)));
        log.info("Entries from position {} on must carry the writer's seal", from);
        return from;
    }

    public long sealedFrom() {
        return sealedFrom;
    }

    /** Extends the tree over every settled position, then signs a checkpoint if one is due. */
    public synchronized Pass pass() {
        long before = frontier().size();
        extend(Long.MAX_VALUE);
        return new Pass(frontier.size(), frontier.size() - before, checkpointIfDue());
    }

    /**
     * Adds up to {@code max} settled positions to the tree; returns how many it added. It stops
     * before an entry without a valid seal (a TAMPER ALARM), so nothing from there on is signed.
     */
    public synchronized long extend(long max) {
        Frontier tree = frontier();
        long added = 0;
        Document checkedOwner = null;
        while (added < max) {
            List<LogEntry> entries = engine.readSettled(tree.size() + 1, (int) Math.min(BATCH, max - added));
            List<Frontier.Node> completed = new ArrayList<>(entries.size() * 2);
            LogEntry forged = null;
            String forgery = null;
            for (LogEntry entry : entries) {
                String canonical = CanonicalEntries.of(entry);
                if (canonical == null) {
                    log.error("Position {} is owned by document {} which holds no event there; the notary stops",
                            entry.position(), entry.owner().get("_id"));
                    break;
                }
                if (entry.owner() != checkedOwner) { // one seal per commit, however many positions it owns
                    Optional<String> problem = CommitSeals.problem(entry, sealedFrom, this::ownKey);
                    if (problem.isPresent()) {
                        forged = entry;
                        forgery = problem.get();
                        break;
                    }
                    checkedOwner = entry.owner();
                }
                completed.addAll(tree.append(Merkle.leafHash(canonical)));
                added++;
            }
            try {
                store.putNodes(completed);
            } catch (AuditStore.LogChangedException e) {
                frontier = null;
                throw alarm(null, e.getMessage());
            }
            store.setTreeSize(tree.size(), clock.instant());
            checkedUpTo = tree.size();
            if (forged != null) {
                refuse(forged, forgery);
                break;
            }
            if (entries.size() < BATCH || completed.isEmpty()) {
                break;
            }
        }
        return added;
    }

    /** An unsealed entry: one already notarized was changed (its stored leaf differs), or one was put in. */
    private void refuse(LogEntry entry, String problem) {
        String leafId = AuditStore.nodeId(0, entry.position() - 1);
        byte[] stored = store.nodes(List.of(leafId)).get(leafId);
        String canonical = CanonicalEntries.of(entry);
        if (stored != null && !Arrays.equals(stored, Merkle.leafHash(canonical))) {
            frontier = null;
            throw alarm(entry.position(), "tree node " + leafId + " is stored as " + Merkle.hex(stored)
                    + " but the log now hashes to " + Merkle.hex(Merkle.leafHash(canonical)) + " (" + problem + ")");
        }
        alarm(entry.position(), problem + "; nothing from position " + entry.position() + " on is notarized");
    }

    private Optional<PublicKey> ownKey(String keyId) {
        return keyId.equals(key.keyId()) ? Optional.of(key.publicKey()) : Optional.empty();
    }

    /** Logs and records a tamper alarm; returns it as the exception to throw where signing must stop. */
    private AuditStore.LogChangedException alarm(Long position, String problem) {
        log.error("TAMPER ALARM: {}", problem);
        try {
            store.raiseAlarm(position, problem, clock.instant());
        } catch (RuntimeException unrecorded) {
            log.error("The tamper alarm could not be recorded in {}: {}", AuditStore.ALARMS, unrecorded.toString());
        }
        return new AuditStore.LogChangedException(problem);
    }

    /** Signs the current root when the policy says so (and the tree grew since the last checkpoint). */
    public synchronized Optional<Checkpoint> checkpointIfDue() {
        Frontier tree = frontier();
        if (tree.size() == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Checkpoint> last = store.latestCheckpoint();
        boolean due = last.isEmpty() || (tree.size() > last.get().treeSize()
                && (tree.size() - last.get().treeSize() >= policy.entries()
                || !now.isBefore(last.get().time().plus(policy.interval()))));
        return due ? Optional.of(checkpoint(tree, now)) : Optional.empty();
    }

    /** Signs the current root now, whatever the policy (tests, and the benchmark). */
    public synchronized Checkpoint checkpointNow() {
        return checkpoint(frontier(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private Checkpoint checkpoint(Frontier tree, Instant now) {
        Optional<Head> kept = heads.read().filter(h -> h.treeSize() > 0);
        if (kept.isPresent() && (tree.size() < kept.get().treeSize() || !Arrays.equals(kept.get().root(),
                Frontier.restore(kept.get().treeSize(), store::node).root()))) {
            throw alarm(null, "the stored tree no longer extends the last checkpoint this key "
                    + "signed (" + kept.get().treeSize() + " entries): the log or its tree was rewritten; nothing is signed");
        }
        Checkpoint previous = predecessor(kept);
        if (previous != null && previous.treeSize() == tree.size()) {
            return previous; // nothing new to sign
        }
        tree = checkedSince(kept.map(Head::treeSize).orElse(0L), tree);
        Checkpoint checkpoint = key.sign(tree.size(), tree.root(), now, previous == null ? null : previous.hash(),
                sealedFrom);
        // stored before the head moves: a crash in between leaves a head the stored chain extends
        try {
            store.saveCheckpoint(checkpoint);
        } catch (AuditStore.LogChangedException planted) {
            throw alarm(null, planted.getMessage() + "; nothing is signed");
        }
        heads.write(new Head(checkpoint.treeSize(), checkpoint.rootHash(), sealedFrom, checkpoint.hash()));
        log.info("Signed checkpoint: {} entries, root {}", checkpoint.treeSize(), Merkle.hex(checkpoint.rootHash()));
        return checkpoint;
    }

    /**
     * The checkpoint the next one chains to: the latest stored, which must be the one this key last
     * signed (kept beside the key) or one it signed after it (a crash before the head was written).
     */
    private Checkpoint predecessor(Optional<Head> kept) {
        Checkpoint latest = store.latestCheckpoint().orElse(null);
        if (kept.isEmpty() || kept.get().checkpoint() == null) {
            return latest;
        }
        boolean extendsKept = latest != null && latest.treeSize() >= kept.get().treeSize()
                && (Arrays.equals(latest.hash(), kept.get().checkpoint())
                || latest.keyId().equals(key.keyId()) && SigningKey.verify(latest, key.publicKey())
                && latest.previous() != null && Arrays.equals(latest.previous(), kept.get().checkpoint()));
        if (!extendsKept) {
            throw alarm(null, "the checkpoint of " + kept.get().treeSize() + " entries this key signed last is missing "
                    + "from the store or was replaced (the latest stored covers " + (latest == null ? 0 : latest.treeSize())
                    + " entries): checkpoints were deleted; nothing is signed until it is restored");
        }
        return latest;
    }

    /**
     * The tree, after making sure every leaf after the last signed head is an entry of the log as
     * stored, with a valid seal. Leaves this instance appended itself were checked on the way in;
     * leaves it found in the store (another process's, or a database writer's) are checked here.
     */
    private Frontier checkedSince(long signed, Frontier tree) {
        if (restoredAt <= signed && checkedUpTo == tree.size()) {
            return tree;
        }
        Frontier recomputed = Frontier.restore(signed, store::node);
        for (long window = signed + 1; window <= tree.size(); window += BATCH) {
            int count = (int) Math.min(BATCH, tree.size() - window + 1);
            Map<Long, Document> owners = engine.owners(window, count);
            for (long p = window; p < window + count; p++) {
                Document owner = owners.get(p);
                LogEntry entry = owner == null ? null : new LogEntry(p, owner, MongoEventStorageEngine.eventAt(owner, p));
                String canonical = entry == null ? null : CanonicalEntries.of(entry);
                Optional<String> problem = canonical == null ? Optional.of("position " + p + " is in the stored tree but "
                        + "holds no entry") : CommitSeals.problem(entry, sealedFrom, this::ownKey);
                if (problem.isPresent()) {
                    frontier = null;
                    throw alarm(p, problem.get() + "; the stored tree was extended over it by someone else; nothing is signed");
                }
                recomputed.append(Merkle.leafHash(canonical));
            }
        }
        if (!Arrays.equals(recomputed.root(), tree.root())) {
            frontier = null;
            throw alarm(null, "the stored tree after the last signed head (" + signed + " entries) does not match the log "
                    + "entries under it: it was altered; nothing is signed");
        }
        restoredAt = signed;
        checkedUpTo = tree.size();
        return tree;
    }

    /** The in-memory right edge, restored from the stored nodes when another pass (or process) moved on. */
    private Frontier frontier() {
        long stored = store.treeSize();
        if (frontier == null || frontier.size() != stored) {
            frontier = Frontier.restore(stored, store::node);
            restoredAt = stored;
            checkedUpTo = stored;
        }
        return frontier;
    }
}
