package ledger.store.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ledger.evidence.Checkpoint;
import ledger.evidence.Frontier;
import ledger.evidence.Merkle;
import ledger.evidence.SigningKey;
import ledger.store.MongoEventStorageEngine;
import ledger.store.MongoEventStorageEngine.LogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extends the Merkle tree over the log and signs checkpoints. It reads positions strictly in
 * order and only as far as they are settled (a commit or a void), through the engine's own gap
 * logic, so a leaf is never made for a position whose commit may still arrive. Runs in one
 * process, the holder of the private key; a repeated or interrupted pass writes the same nodes.
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
    private Frontier frontier;

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

    public record Head(long treeSize, byte[] root) {
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
    }

    /** Extends the tree over every settled position, then signs a checkpoint if one is due. */
    public synchronized Pass pass() {
        long before = frontier().size();
        extend(Long.MAX_VALUE);
        return new Pass(frontier.size(), frontier.size() - before, checkpointIfDue());
    }

    /** Adds up to {@code max} settled positions to the tree; returns how many it added. */
    public synchronized long extend(long max) {
        Frontier tree = frontier();
        long added = 0;
        while (added < max) {
            List<LogEntry> entries = engine.readSettled(tree.size() + 1, (int) Math.min(BATCH, max - added));
            List<Frontier.Node> completed = new ArrayList<>(entries.size() * 2);
            for (LogEntry entry : entries) {
                String canonical = CanonicalEntries.of(entry);
                if (canonical == null) {
                    log.error("Position {} is owned by document {} which holds no event there; the notary stops",
                            entry.position(), entry.owner().get("_id"));
                    break;
                }
                completed.addAll(tree.append(Merkle.leafHash(canonical)));
                added++;
            }
            try {
                store.putNodes(completed);
            } catch (AuditStore.LogChangedException e) {
                frontier = null;
                throw e;
            }
            store.setTreeSize(tree.size(), clock.instant());
            if (entries.size() < BATCH || completed.isEmpty()) {
                break;
            }
        }
        return added;
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
        Optional<Head> kept = heads.read();
        if (kept.isPresent() && (tree.size() < kept.get().treeSize() || !java.util.Arrays.equals(kept.get().root(),
                Frontier.restore(kept.get().treeSize(), store::node).root()))) {
            throw new AuditStore.LogChangedException("the stored tree no longer extends the last checkpoint this key "
                    + "signed (" + kept.get().treeSize() + " entries): the log or its tree was rewritten; nothing is signed");
        }
        Checkpoint checkpoint = key.sign(tree.size(), tree.root(), now);
        heads.write(new Head(checkpoint.treeSize(), checkpoint.rootHash()));
        store.saveCheckpoint(checkpoint);
        log.info("Signed checkpoint: {} entries, root {}", checkpoint.treeSize(), Merkle.hex(checkpoint.rootHash()));
        return checkpoint;
    }

    /** The in-memory right edge, restored from the stored nodes when another pass (or process) moved on. */
    private Frontier frontier() {
        long stored = store.treeSize();
        if (frontier == null || frontier.size() != stored) {
            frontier = Frontier.restore(stored, store::node);
        }
        return frontier;
    }
}
