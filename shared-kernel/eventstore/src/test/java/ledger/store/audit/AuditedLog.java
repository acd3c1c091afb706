package ledger.store.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import ledger.evidence.Frontier;
import ledger.evidence.SigningKey;
import ledger.store.Fixtures;
import ledger.store.MongoEventStorageEngine;
import ledger.store.TestStore;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;

/** A stored log with its notary, verifier and evidence assembler, for the audit tests. */
final class AuditedLog implements AutoCloseable {

    final TestStore store = TestStore.inMemory();
    final MongoClient client = store.newClient();
    final MongoDatabase database = client.getDatabase(store.databaseName());
    final MongoCollection<Document> events = database.getCollection(MongoEventStorageEngine.EVENTS);
    final MongoEventStorageEngine engine;
    final AuditStore audit = new AuditStore(database);
    final SigningKey key = SigningKey.generate();
    final KeptHead head = new KeptHead();
    final Notary notary;
    final LogVerifier verifier;
    final EvidenceAssembler evidence;

    AuditedLog(Duration gapTimeout) {
        engine = store.engineBuilder(client).gapTimeout(gapTimeout).sealer(new CommitSeals(key, Clock.systemUTC())).build();
        notary = new Notary(engine, audit, key, new Notary.CheckpointPolicy(1000, Duration.ofHours(1)), Clock.systemUTC(),
                head);
        verifier = new LogVerifier(engine, audit);
        evidence = new EvidenceAssembler(engine, audit, Clock.systemUTC());
    }

    AuditedLog() {
        this(Duration.ofSeconds(10));
    }

    /** Commits of one, two and three events in turn, {@code count} events in all; returns their ids in order. */
    List<String> append(String aggregate, int count) {
        List<String> ids = new ArrayList<>();
        int sequence = 0;
        int size = 1;
        while (sequence < count) {
            List<EventMessage<?>> commit = new ArrayList<>();
            for (int i = 0; i < size && sequence < count; i++) {
                var event = Fixtures.noted(aggregate, sequence++);
                commit.add(event);
                ids.add(event.getIdentifier());
            }
            engine.appendEvents(commit);
            size = size % 3 + 1;
        }
        return ids;
    }

    /** The head the notary keeps beside its key, in memory. */
    static final class KeptHead implements Notary.HeadKeeper {
        private Notary.Head head;

        @Override
        public Optional<Notary.Head> read() {
            return Optional.ofNullable(head);
        }

        @Override
        public void write(Notary.Head head) {
            this.head = head;
        }
    }

    /** A verifier whose clock reads {@code clock}, with five minutes' grace, comparing with the notary's head or not. */
    LogVerifier verifier(Clock clock, boolean readsHead) {
        return new LogVerifier(engine, audit, Set.of(), clock, Duration.ofMinutes(5), readsHead ? head : Notary.HeadKeeper.NONE);
    }

    /**
     * An event put straight into the database at {@code position}, as an intruder would: a copy of
     * the event at position 1 with another id, sequence and text, and no seal (or {@code seal}).
     */
    Document forge(long position, String text, Document seal) {
        Document event = new Document(ownerOf(1).getList("events", Document.class).get(0));
        String aggregate = event.getString("aggregateId");
        event.put("position", position);
        event.put("eventId", "forged-" + position);
        event.put("sequence", 1000 + position);
        event.put("payload", new Document(event.get("payload", Document.class)).append("text", text));
        Document forged = new Document("_id", position).append("positions", List.of(position))
                .append("keys", List.of(aggregate + ":" + (1000 + position))).append("eventIds", List.of("forged-" + position))
                .append("events", List.of(event));
        if (seal != null) {
            forged.append(MongoEventStorageEngine.SEAL, seal);
        }
        events.insertOne(forged);
        if (position > engine.lastReservedPosition()) {
            database.getCollection(MongoEventStorageEngine.COUNTERS).updateOne(Filters.eq("_id", "global"),
                    Updates.set("last", position));
        }
        return forged;
    }

    /** Extends the stored tree over the positions after it, as an intruder can: no key needed for that. */
    void recomputeTreeTo(long size) {
        Frontier frontier = Frontier.restore(audit.treeSize(), audit::node);
        for (var entry : engine.owners(frontier.size() + 1, (int) (size - frontier.size())).entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey()).toList()) {
            var logEntry = new MongoEventStorageEngine.LogEntry(entry.getKey(), entry.getValue(),
                    MongoEventStorageEngine.eventAt(entry.getValue(), entry.getKey()));
            for (Frontier.Node node : frontier.append(ledger.evidence.Merkle.leafHash(CanonicalEntries.of(logEntry)))) {
                database.getCollection(AuditStore.NODES).insertOne(new Document("_id", node.level() + "/" + node.index())
                        .append("level", node.level()).append("index", node.index())
                        .append("hash", ledger.evidence.Merkle.hex(node.hash())));
            }
        }
        audit.setTreeSize(frontier.size(), java.time.Instant.now());
    }

    /** The commit document that owns a position. */
    Document ownerOf(long position) {
        return engine.owners(position, 1).get(position);
    }

    @Override
    public void close() {
        client.close();
        store.close();
    }
}
