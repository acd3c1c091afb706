package ledger.store.audit;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import ledger.evidence.SigningKey;
import ledger.store.Fixtures;
import ledger.store.MongoEventStorageEngine;
import ledger.store.TestStore;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;

/**
 * Issue 17, item 3, on the event store's side: what reads about one thing cost as the log grows
 * (embedded store, memory backend). Each size gets a fresh store filled with commits of ten events
 * of one aggregate each, notarized with a checkpoint every {@code bench.checkpoint-every} entries
 * (as a running notary leaves them), then each read is asked {@code bench.reads} times; p50 and p95
 * beside a raw keyed read of one commit by its position. Prints, asserts nothing.
 * {@code -Dbench.sizes=10000,100000,1000000}.
 */
public final class SingleReadBenchmark {

    private SingleReadBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int reads = Integer.getInteger("bench.reads", 200);
        int checkpointEvery = Integer.getInteger("bench.checkpoint-every", 1000);
        List<String> lines = new ArrayList<>();
        for (int size : sizes) {
            lines.addAll(run(size, reads, checkpointEvery));
        }
        System.out.println("== Reads about one thing as the log grows (memory backend; p50 / p95 ms) ==");
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private static List<String> run(int size, int reads, int checkpointEvery) {
        try (TestStore store = TestStore.inMemory(); MongoClient client = store.newClient()) {
            SigningKey key = SigningKey.generate();
            MongoEventStorageEngine engine = store.engineBuilder(client).batchSize(500).build();
            AuditStore audit = new AuditStore(client.getDatabase(store.databaseName()));
            List<String> ids = new ArrayList<>(size);
            for (int a = 0; a < size / 10; a++) {
                List<EventMessage<?>> commit = new ArrayList<>(10);
                for (int s = 0; s < 10; s++) {
                    EventMessage<?> event = Fixtures.noted("agg-" + a, s);
                    commit.add(event);
                    ids.add(event.getIdentifier());
                }
                engine.appendEvents(commit);
            }
            Notary notary = new Notary(engine, audit, key, new Notary.CheckpointPolicy(1, Duration.ZERO), Clock.systemUTC());
            while (notary.extend(checkpointEvery) > 0) {
                notary.checkpointNow();
            }
            EvidenceAssembler assembler = new EvidenceAssembler(engine, audit, Clock.systemUTC());
            MongoCollection<Document> commits = client.getDatabase(store.databaseName())
                    .getCollection(MongoEventStorageEngine.EVENTS);
            Random random = new Random(42);
            String label = String.format(Locale.ROOT, "%,9d events, %,5d checkpoints:", size, audit.checkpoints().size());
            List<String> out = new ArrayList<>();
            out.add(label);
            out.add(figure("  raw keyed read of one commit      ", reads,
                    i -> commits.find(eq("positions", 1L + random.nextInt(size))).first()));
            out.add(figure("  one aggregate's events (timeline) ", reads,
                    i -> engine.readEvents("agg-" + random.nextInt(size / 10)).asStream().count()));
            out.add(figure("  latest checkpoint                 ", reads, i -> audit.latestCheckpoint()));
            out.add(figure("  evidence package of 20 events     ", Math.max(20, reads / 5), i -> {
                List<String> sample = new ArrayList<>();
                for (int k = 0; k < 20; k++) {
                    sample.add(ids.get(random.nextInt(ids.size())));
                }
                assembler.forEvents("benchmark", "sample", sample);
            }));
            out.add(figure("  evidence package of an aggregate  ", Math.max(20, reads / 5),
                    i -> assembler.forAggregate("benchmark", "agg-" + random.nextInt(size / 10), List.of())));
            return out;
        }
    }

    private static String figure(String what, int times, IntConsumer read) {
        for (int i = 0; i < Math.min(20, times); i++) {
            read.accept(i); // warm-up
        }
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            read.accept(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "%s %8.2f / %8.2f", what, millis[times / 2], millis[(int) (times * 0.95)]);
    }
}
