package ledger.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import ledger.store.KeyBatches;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit index's keys as postings, so a search by actor, account or whom an event concerns is
 * a key lookup whatever the size of the log (the embedded server uses unique indexes only, so a
 * query on {@code audit_index.actorId} reads every entry). For each key, e.g. {@code actor:cadre-1}:
 * <ul>
 * <li>{@code audit_posting_keys}: {@code {_id: key, buckets: [b…]}}, the buckets that hold its positions;</li>
 * <li>{@code audit_postings}: {@code {_id: "key#b", positions: […]}}, its positions from
 * {@code b·1024} to {@code b·1024+1023}; a bucket stays small however many events the key has.</li>
 * </ul>
 * A search reads the key's buckets in order from where it resumes and the entries by position:
 * its cost follows the events of that actor or subject, not the log. Writes are sets, so a
 * redelivered event changes nothing; the bucket is named in the key's list before it is written,
 * so a crash between the two leaves at most an empty bucket named.
 */
@Component
public class AuditPostings {

    static final String POSTINGS = "audit_postings";
    static final String KEYS = "audit_posting_keys";
    /** In {@link #KEYS}: from which position on the postings are complete (absent: not built yet). */
    static final String COMPLETE_FROM = "~complete-from";
    static final int BUCKET = 1024;

    private static final Logger log = LoggerFactory.getLogger(AuditPostings.class);

    private final MongoDatabase database;
    private final MongoCollection<Document> postings;
    private final MongoCollection<Document> keys;
    /** Buckets already named in their key's list by this process; cleared when large. */
    private final Set<String> named = ConcurrentHashMap.newKeySet();

    AuditPostings(MongoTemplate mongo) {
        this.database = mongo.getDb();
        this.postings = database.getCollection(POSTINGS);
        this.keys = mongo.getDb().getCollection(KEYS);
    }

    static String actor(String id) {
        return "actor:" + id;
    }

    static String account(String name) {
        return "account:" + name;
    }

    static String concerning(String id) {
        return "concerning:" + id;
    }

    /** Files one event's position under each of its keys. */
    void add(long position, Collection<String> eventKeys) {
        long bucket = position / BUCKET;
        for (String key : eventKeys) {
            String bucketId = key + "#" + bucket;
            if (!named.contains(bucketId)) {
                keys.updateOne(eq("_id", key), Updates.addToSet("buckets", bucket), new UpdateOptions().upsert(true));
                if (named.size() > 100_000) {
                    named.clear();
                }
                named.add(bucketId);
            }
            postings.updateOne(eq("_id", bucketId), Updates.addToSet("positions", position),
                    new UpdateOptions().upsert(true));
        }
    }

    /**
     * The positions filed under a key after {@code after}, ascending, read bucket by bucket until
     * {@code enough} says to stop (it is given each bucket's positions in order).
     */
    void positions(String key, long after, BucketReader enough) {
        Document known = keys.find(eq("_id", key)).first();
        if (known == null) {
            return;
        }
        TreeSet<Long> buckets = new TreeSet<>();
        known.getList("buckets", Number.class).forEach(b -> buckets.add(b.longValue()));
        for (long bucket : buckets.tailSet(after / BUCKET, true)) {
            Document doc = postings.find(eq("_id", key + "#" + bucket)).first();
            if (doc == null) {
                continue;
            }
            List<Long> inBucket = doc.getList("positions", Number.class).stream().map(Number::longValue)
                    .filter(p -> p > after).sorted().toList();
            if (!inBucket.isEmpty() && !enough.read(inBucket)) {
                return;
            }
        }
    }

    /** Takes one bucket's positions; answers whether to read on. */
    @FunctionalInterface
    interface BucketReader {
        boolean read(List<Long> positions);
    }

    /** Whether every event from {@code position} on is filed (the postings were built with the index, or adopted). */
    boolean completeFrom(long position) {
        Document marker = keys.find(eq("_id", COMPLETE_FROM)).first();
        return marker != null && marker.get("position", Number.class).longValue() <= position;
    }

    boolean built() {
        return keys.find(eq("_id", COMPLETE_FROM)).first() != null;
    }

    void markComplete() {
        keys.replaceOne(eq("_id", COMPLETE_FROM), new Document("_id", COMPLETE_FROM).append("position", 0L),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /**
     * Once, on the first start with postings over an index that already has entries: adopts them
     * in the background (searches ask the index as a query until it is done).
     */
    @EventListener(ApplicationReadyEvent.class)
    void adoptOnce() {
        if (built()) {
            return;
        }
        MongoCollection<Document> index = database.getCollection(AuditSearch.INDEX);
        Document last = index.find().sort(Sorts.descending("_id")).limit(1).first();
        if (last == null) {
            markComplete();
            return;
        }
        long upTo = ((Number) last.get("_id")).longValue();
        Thread adoption = new Thread(() -> {
            log.info("Filing the audit index's {} positions under their actors and subjects (once)", upTo);
            adopt(index, upTo);
            log.info("Audit postings complete: searches by actor, account and subject are key lookups");
        }, "audit-postings-adoption");
        adoption.setDaemon(true);
        adoption.start();
    }

    /** Forgets every posting (the index is rebuilt from the start, which files them again). */
    void clear() {
        postings.drop();
        keys.drop();
        named.clear();
    }

    /** The entries of the audit index at these positions, in position order. */
    static List<Document> entries(MongoCollection<Document> index, List<Long> positions) {
        List<Document> found = new ArrayList<>(positions.size());
        for (List<Long> batch : KeyBatches.of(positions)) {
            index.find(in("_id", batch)).into(found);
        }
        found.sort(java.util.Comparator.comparingLong(d -> ((Number) d.get("_id")).longValue()));
        return found;
    }

    /**
     * Files the entries an index built before the postings existed already holds, positions 1 to
     * {@code upTo} read by key in batches, then marks the postings complete. Events the index
     * takes meanwhile are filed by the index itself; filing one twice changes nothing.
     */
    void adopt(MongoCollection<Document> index, long upTo) {
        List<Long> batch = new ArrayList<>(KeyBatches.SIZE);
        for (long position = 1; position <= upTo; position++) {
            batch.add(position);
            if (batch.size() == KeyBatches.SIZE || position == upTo) {
                for (Document entry : index.find(in("_id", batch))) {
                    add(((Number) entry.get("_id")).longValue(), keysOf(entry));
                }
                batch.clear();
            }
        }
        markComplete();
    }

    /** The keys an index entry is filed under. */
    static List<String> keysOf(Document entry) {
        return keysOf(entry.getString("actorId"), entry.getString("actorAccount"),
                entry.getList("concerning", String.class));
    }

    static List<String> keysOf(String actorId, String actorAccount, List<String> concerning) {
        List<String> all = new ArrayList<>();
        if (actorId != null) {
            all.add(actor(actorId));
        }
        if (actorAccount != null) {
            all.add(account(actorAccount));
        }
        if (concerning != null) {
            concerning.forEach(id -> all.add(concerning(id)));
        }
        return all;
    }
}
