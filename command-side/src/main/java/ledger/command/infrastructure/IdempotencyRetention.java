package ledger.command.infrastructure;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.type;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import ledger.store.StoreConnection;
import org.bson.BsonType;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How long an {@code Idempotency-Key} is remembered: {@code LEDGER_IDEMPOTENCY_RETENTION} after its
 * answer was kept. While its request runs, the key is held: this process renews the record's time
 * every quarter of the retention (at most every minute), so a request that runs longer than the
 * retention is never forgotten half-way (a retry elsewhere would start a new generation and run it
 * twice, and its answer would have no record to be kept in). A key whose process died is renewed
 * no more and is forgotten the retention after its last renewal. An older record counts as
 * gone the moment it is older, whoever removes it: the store's TTL monitor where the server has
 * one (real MongoDB, about once a minute), else {@link #sweep()} on a schedule (the embedded
 * mongo-java-server keeps TTL indexes but never expires anything). A forgotten key starts a new
 * generation (see {@link IdempotencyFilter}), so the same key is then a new request.
 */
@Component
class IdempotencyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);
    static final String TTL_INDEX = "at_ttl";

    private final MongoDatabase database;
    private final MongoCollection<Document> records;
    private final Duration retention;
    private final Clock clock;
    private final boolean storeExpires;
    /** The keys whose request runs in this process now, each with the owner of its run. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "idempotency-key-renewal");
        thread.setDaemon(true);
        return thread;
    });

    IdempotencyRetention(MongoClient client, StoreConnection connection, Clock clock,
                         @Value("${ledger.idempotency.retention:24h}") Duration retention) {
        if (retention.isNegative() || retention.toSeconds() < 1) {
            throw new IllegalArgumentException("ledger.idempotency.retention must be at least one second: " + retention);
        }
        this.database = client.getDatabase(connection.database());
        this.records = database.getCollection(IdempotencyFilter.COLLECTION);
        this.retention = retention;
        this.clock = clock;
        datesFromText();
        ttlIndex();
        this.storeExpires = hasTtlMonitor(client);
        log.info("Idempotency keys are kept {}; expired ones are removed by {}", retention,
                storeExpires ? "the store's TTL index" : "a sweep (this store has no TTL monitor)");
        long every = renewalInterval(retention).toMillis();
        renewer.scheduleWithFixedDelay(this::renewHeld, every, every, TimeUnit.MILLISECONDS);
    }

    /** Well inside the retention, so a late renewal or the TTL monitor's minute never beats it. */
    static Duration renewalInterval(Duration retention) {
        Duration quarter = retention.dividedBy(4);
        return quarter.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : quarter;
    }

    /** The key's request runs in this process under {@code owner}: its record is renewed until {@link #release}. */
    void hold(String id, String owner) {
        held.put(id, owner);
    }

    void release(String id) {
        held.remove(id);
    }

    /**
     * Renews the time of every key held here that its run still owns (a retry elsewhere that took
     * it over renews it itself). Scheduled; package-private for tests that move the clock.
     */
    void renewHeld() {
        held.forEach((id, owner) -> {
            try {
                records.updateOne(and(eq("_id", id), eq("owner", owner), eq("state", "RUNNING")),
                        Updates.set("at", now()));
            } catch (MongoException e) {
                log.warn("Could not renew the running Idempotency-Key {}; trying again", id, e);
            } catch (RuntimeException e) {
                log.error("Could not renew the running Idempotency-Key {}; trying again", id, e);
            }
        });
    }

    @PreDestroy
    void stopRenewing() {
        renewer.shutdownNow();
    }

    MongoCollection<Document> records() {
        return records;
    }

    Duration retention() {
        return retention;
    }

    Date now() {
        return Date.from(clock.instant());
    }

    /** A record older than the retention is gone, even before the store or the sweep removed it. */
    boolean expired(Document record) {
        Instant at = at(record.get("at"));
        return at == null || !at.plus(retention).isAfter(clock.instant());
    }

    /** Removes the records older than the retention; answers how many. */
    long sweep() {
        return records.deleteMany(lte("at", Date.from(clock.instant().minus(retention)))).getDeletedCount();
    }

    /** Where the store does not expire records itself; also keeps a store whose TTL monitor is off small. */
    @Scheduled(fixedDelayString = "${ledger.idempotency.sweep-interval:10m}",
            initialDelayString = "${ledger.idempotency.sweep-interval:10m}")
    void sweepWhereTheStoreDoesNot() {
        if (storeExpires) {
            return;
        }
        try {
            long removed = sweep();
            if (removed > 0) {
                log.debug("Removed {} expired idempotency keys", removed);
            }
        } catch (MongoException e) {
            log.warn("Could not remove expired idempotency keys; trying again later", e);
        }
    }

    boolean storeExpires() {
        return storeExpires;
    }

    /** Records of earlier versions kept {@code at} as ISO text, which neither TTL nor the sweep compares. */
    private void datesFromText() {
        for (Document record : records.find(type("at", BsonType.STRING))) {
            Instant at = at(record.get("at"));
            records.updateOne(eq("_id", record.get("_id")), Updates.set("at", Date.from(at == null ? Instant.EPOCH : at)));
        }
    }

    private void ttlIndex() {
        IndexOptions options = new IndexOptions().name(TTL_INDEX).expireAfter(retention.toSeconds(), TimeUnit.SECONDS);
        try {
            records.createIndex(Indexes.ascending("at"), options);
        } catch (MongoCommandException e) {
            // the index exists with another retention (a changed setting): change it in place
            database.runCommand(new Document("collMod", IdempotencyFilter.COLLECTION)
                    .append("index", new Document("name", TTL_INDEX).append("expireAfterSeconds", retention.toSeconds())));
        }
    }

    /** Real MongoDB reports its TTL monitor's passes in serverStatus; the embedded server has none. */
    private static boolean hasTtlMonitor(MongoClient client) {
        try {
            Document status = client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
            Document metrics = status.get("metrics", Document.class);
            return metrics != null && metrics.get("ttl") instanceof Document;
        } catch (MongoException e) {
            return false; // not allowed to ask: sweep, which is harmless where the store expires too
        }
    }

    private static Instant at(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
