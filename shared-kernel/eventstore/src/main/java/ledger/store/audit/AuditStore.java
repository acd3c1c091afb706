package ledger.store.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import ledger.evidence.Checkpoint;
import ledger.evidence.Frontier;
import ledger.evidence.Merkle;
import ledger.store.KeyBatches;
import org.bson.Document;

/**
 * Where the tree lives, beside the events:
 * <ul>
 * <li>{@code audit_nodes}: every completed perfect subtree, {@code _id "level/index"}, leaves at
 * level 0 (leaf {@code i} is position {@code i + 1}); written once, never changed;</li>
 * <li>{@code audit_checkpoints}: signed checkpoints, {@code _id} the tree size;</li>
 * <li>{@code audit_keys}: the notary's public keys by key id;</li>
 * <li>{@code audit_state}: how many leaves the tree has ({@code _id "tree"});</li>
 * <li>{@code audit_alarms}: every tamper alarm the notary raised, once per finding, with when it
 * was first and last raised (a record the auditors can list, not only a log line).</li>
 * </ul>
 * Every id is derived from the log, so a repeated write is a duplicate, never a second version.
 */
public class AuditStore {

    public static final String NODES = "audit_nodes";
    public static final String CHECKPOINTS = "audit_checkpoints";
    public static final String KEYS = "audit_keys";
    public static final String STATE = "audit_state";
    public static final String ALARMS = "audit_alarms";
    /** In {@code audit_state}: the tree size of the latest checkpoint the notary stored, so readers find it by key. */
    static final String LATEST_CHECKPOINT = "latest-checkpoint";

    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> state;
    private final MongoCollection<Document> alarms;

    /** A tamper alarm: where (a position, or null for the tree or checkpoints), what, when first and last raised. */
    public record Alarm(String id, Long position, String problem, Instant firstRaisedAt, Instant lastRaisedAt,
                        long times) {
    }

    public AuditStore(MongoDatabase database) {
        this.alarms = database.getCollection(ALARMS);
        this.nodes = database.getCollection(NODES);
        this.checkpoints = database.getCollection(CHECKPOINTS);
        this.keys = database.getCollection(KEYS);
        this.state = database.getCollection(STATE);
    }

    static String nodeId(int level, long index) {
        return level + "/" + index;
    }

    /** A stored node; fails loudly when it is missing, since proofs depend on it. */
    public byte[] node(int level, long index) {
        Document doc = nodes.find(eq("_id", nodeId(level, index))).first();
        if (doc == null) {
            throw new IllegalStateException("tree node " + nodeId(level, index) + " is not stored");
        }
        return Merkle.unhex(doc.getString("hash"));
    }

    /** Stored hashes of these node ids (missing ones are left out). */
    Map<String, byte[]> nodes(Collection<String> ids) {
        Map<String, byte[]> found = new HashMap<>();
        for (List<String> batch : KeyBatches.of(ids)) {
            for (Document doc : nodes.find(in("_id", batch))) {
                found.put(doc.getString("_id"), Merkle.unhex(doc.getString("hash")));
            }
        }
        return found;
    }


    /**
     * The tree for the proofs {@code proofs} will ask of it, with every node they need read in
     * key batches first rather than one round trip each: {@code proofs} runs once on a tree that
     * only notes which nodes are asked for (a proof's shape does not depend on the hashes), and
     * the answer serves them from what was read (anything else still from the store).
     */
    Merkle.SubtreeHashes preloadedTree(Consumer<Merkle.SubtreeHashes> proofs) {
        Set<String> asked = new LinkedHashSet<>();
        byte[] placeholder = new byte[32];
        proofs.accept(Merkle.fromNodes((level, index) -> {
            asked.add(nodeId(level, index));
            return placeholder;
        }));
        Map<String, byte[]> cache = nodes(asked);
        return Merkle.fromNodes((level, index) -> cache.computeIfAbsent(nodeId(level, index), id -> node(level, index)));
    }

    /**
     * Stores completed nodes. A node already stored with the same hash is fine (a pass repeated
     * after a crash); with another hash it means the log changed under notarized positions.
     */
    void putNodes(List<Frontier.Node> completed) {
        if (completed.isEmpty()) {
            return;
        }
        List<Document> docs = completed.stream().map(n -> new Document("_id", nodeId(n.level(), n.index()))
                .append("level", n.level()).append("index", n.index()).append("hash", Merkle.hex(n.hash()))).toList();
        try {
            nodes.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document ours = docs.get(error.getIndex());
                byte[] stored = node(ours.getInteger("level"), ours.getLong("index"));
                if (!Merkle.hex(stored).equals(ours.getString("hash"))) {
                    throw new LogChangedException("tree node " + ours.getString("_id") + " is stored as "
                            + Merkle.hex(stored) + " but the log now hashes to " + ours.getString("hash"));
                }
            }
        }
    }

    public long treeSize() {
        Document doc = state.find(eq("_id", "tree")).first();
        return doc == null ? 0 : doc.get("size", Number.class).longValue();
    }

    void setTreeSize(long size, Instant at) {
        state.replaceOne(eq("_id", "tree"), new Document("_id", "tree").append("size", size).append("at", at.toString()),
                new ReplaceOptions().upsert(true));
    }

    /**
     * Stores a checkpoint and moves the latest-checkpoint pointer to it. A different checkpoint
     * already stored under its size was put there by someone else: an alarm, never a quiet success.
     */
    void saveCheckpoint(Checkpoint checkpoint) {
        Map<String, Object> json = checkpoint.toJson();
        Document doc = new Document("_id", checkpoint.treeSize());
        doc.putAll(json);
        try {
            checkpoints.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Checkpoint stored = checkpoint(checkpoint.treeSize()).orElse(null);
            if (stored == null || !Arrays.equals(stored.hash(), checkpoint.hash())) {
                throw new LogChangedException("another checkpoint of " + checkpoint.treeSize()
                        + " entries is already stored: the checkpoints were written by someone else");
            }
        }
        state.updateOne(eq("_id", LATEST_CHECKPOINT), Updates.max("treeSize", checkpoint.treeSize()),
                new UpdateOptions().upsert(true));
    }

    private Optional<Checkpoint> checkpoint(long treeSize) {
        return Optional.ofNullable(checkpoints.find(eq("_id", treeSize)).first()).map(AuditStore::checkpointOf);
    }

    private static Checkpoint checkpointOf(Document doc) {
        Document copy = new Document(doc);
        copy.remove("_id");
        return Checkpoint.fromJson(new HashMap<>(copy));
    }

    /**
     * Every signed checkpoint, smallest tree first: for the whole-log verification and the export,
     * which read them all anyway (one per checkpoint interval at most, so they grow with time).
     */
    public List<Checkpoint> checkpoints() {
        List<Checkpoint> all = new ArrayList<>();
        for (Document doc : checkpoints.find()) {
            all.add(checkpointOf(doc));
        }
        all.sort(Comparator.comparingLong(Checkpoint::treeSize));
        return all;
    }

    /**
     * The latest checkpoint, by key through the pointer the notary moves (every evidence package
     * and every notary pass asks, so no scan of all checkpoints). Without a pointer (a store from
     * before it) or when the checkpoint it names is gone (deleted: the notary's head check raises
     * the alarm), the checkpoints are scanned as before.
     */
    public Optional<Checkpoint> latestCheckpoint() {
        Document pointer = state.find(eq("_id", LATEST_CHECKPOINT)).first();
        if (pointer != null) {
            Optional<Checkpoint> latest = checkpoint(pointer.get("treeSize", Number.class).longValue());
            if (latest.isPresent()) {
                return latest;
            }
        }
        List<Checkpoint> all = checkpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public void publishKey(String keyId, String publicKeyPem, Instant at) {
        keys.replaceOne(eq("_id", keyId), new Document("_id", keyId).append("algorithm", "Ed25519")
                .append("publicKey", publicKeyPem).append("publishedAt", at.toString()), new ReplaceOptions().upsert(true));
    }

    public Optional<String> publicKeyPem(String keyId) {
        Document doc = keys.find(eq("_id", keyId)).first();
        return doc == null ? Optional.empty() : Optional.of(doc.getString("publicKey"));
    }

    /** Records an alarm; the same finding raised again is counted, not stored twice. */
    void raiseAlarm(Long position, String problem, Instant at) {
        String id = (position == null ? "log" : "position/" + position) + "/"
                + Merkle.hex(Merkle.leafHash(problem)).substring(0, 16);
        alarms.updateOne(eq("_id", id), Updates.combine(
                Updates.setOnInsert("position", position),
                Updates.setOnInsert("problem", problem),
                Updates.setOnInsert("firstRaisedAt", at.toString()),
                Updates.set("lastRaisedAt", at.toString()),
                Updates.inc("times", 1L)), new UpdateOptions().upsert(true));
    }

    /** Every alarm raised, the first raised first. Few by nature, so a scan is fine. */
    public List<Alarm> alarms() {
        List<Alarm> all = new ArrayList<>();
        for (Document doc : alarms.find()) {
            all.add(new Alarm(doc.getString("_id"), doc.get("position") instanceof Number n ? n.longValue() : null,
                    doc.getString("problem"), Instant.parse(doc.getString("firstRaisedAt")),
                    Instant.parse(doc.getString("lastRaisedAt")), doc.get("times", Number.class).longValue()));
        }
        all.sort(Comparator.comparing(Alarm::firstRaisedAt).thenComparing(Alarm::id));
        return all;
    }

    /** The stored log no longer hashes to what was notarized. */
    public static final class LogChangedException extends IllegalStateException {
        public LogChangedException(String message) {
            super(message);
        }
    }
}
