package ledger.command.infrastructure;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.type;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How long an {@code Idempotency-Key} is remembered: {@code LEDGER_IDEMPOTENCY_RETENTION} after its
 * record last changed (the answer was kept, or the request started). An older record counts as
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
