package ledger.store.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
    final Notary notary;
    final LogVerifier verifier;
    final EvidenceAssembler evidence;

    AuditedLog(Duration gapTimeout) {
        engine = store.engineBuilder(client).gapTimeout(gapTimeout).build();
        notary = new Notary(engine, audit, key, new Notary.CheckpointPolicy(1000, Duration.ofHours(1)), Clock.systemUTC());
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
