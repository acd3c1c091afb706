package ledger.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Figures for the storage engine on the embedded server; prints them, asserts nothing.
 * Run: see README ("Benchmark"). Sizes can be cut with -Dbench.sizes=10000,100000.
 */
public final class StoreBenchmark {

    private static final int APPEND_EVENTS = 10_000;
    private static final int CATCH_UP_WINDOW = 20_000;
    private static final int LOADS = 200;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String sizes = System.getProperty("bench.sizes", "10000,100000,1000000");
        System.out.println("== Append: storage engine vs raw insertMany of the same documents (memory backend) ==");
        for (int commitSize : new int[] {1, 10}) {
            appendComparison(commitSize);
        }
        System.out.println();
        System.out.println("== Growth: tracking catch-up and single-aggregate load as the store grows ==");
        System.out.printf(Locale.ROOT, "%-8s %-10s %14s %18s %16s%n", "backend", "events", "fill ev/s",
                "catch-up ev/s", "load 10 ev (ms)");
        for (String size : sizes.split(",")) {
            growth("memory", Integer.parseInt(size.strip()), null);
        }
        Path dir = Files.createTempDirectory("ledger-bench-h2");
        growth("h2", 100_000, dir);
        System.exit(0);
    }

    private static void appendComparison(int commitSize) {
        try (TestStore store = TestStore.inMemory(); MongoClient client = store.newClient()) {
            MongoEventStorageEngine engine = store.engineBuilder(client).build();
            Serializer serializer = TestStore.serializer();
            int commits = APPEND_EVENTS / commitSize;
            List<List<DomainEventMessage<?>>> batches = new ArrayList<>();
            for (int c = 0; c < commits; c++) {
                List<DomainEventMessage<?>> batch = new ArrayList<>();
                for (int s = 0; s < commitSize; s++) {
                    batch.add(Fixtures.noted("agg-" + c, s));
                }
                batches.add(batch);
            }
            warmUp(engine);
            long start = System.nanoTime();
            for (List<DomainEventMessage<?>> batch : batches) {
                engine.appendEvents(batch);
            }
            double engineRate = rate(APPEND_EVENTS, start);

            // the very same documents (fresh positions, same shape), written with one raw insertMany per commit
            MongoCollection<Document> raw = client.getDatabase(store.databaseName()).getCollection("raw_commits");
            List<Document> docs = new ArrayList<>();
            long position = 1;
            for (List<DomainEventMessage<?>> batch : batches) {
                List<? extends EventMessage<?>> events = batch;
                docs.add(engine.commitDocument(events, serializer, position));
                position += batch.size();
            }
            start = System.nanoTime();
            for (Document doc : docs) {
                raw.insertMany(List.of(doc));
            }
            double rawRate = rate(APPEND_EVENTS, start);
            System.out.printf(Locale.ROOT,
                    "commits of %2d event(s): engine %,9.0f events/s | raw insertMany %,9.0f events/s | ratio %.2f%n",
                    commitSize, engineRate, rawRate, engineRate / rawRate);
        }
    }

    private static void growth(String backend, int size, Path dir) {
        try (TestStore store = dir == null ? TestStore.inMemory() : TestStore.persistent(dir);
             MongoClient client = store.newClient()) {
            MongoEventStorageEngine engine = store.engineBuilder(client).batchSize(500).build();
            int aggregates = size / 10;
            long start = System.nanoTime();
            for (int a = 0; a < aggregates; a++) {
                List<DomainEventMessage<?>> commit = new ArrayList<>(10);
                for (int s = 0; s < 10; s++) {
                    commit.add(Fixtures.noted("agg-" + a, s));
                }
                engine.appendEvents(commit);
            }
            double fillRate = rate(size, start);

            // three windows at different depths; the median damps GC pauses of a large heap
            int window = Math.min(CATCH_UP_WINDOW, size / 3);
            List<Double> catchUps = new ArrayList<>();
            for (int part = 0; part < 3; part++) {
                long from = (long) part * size / 3;
                start = System.nanoTime();
                long read = engine.readEvents(new GlobalSequenceTrackingToken(from), false).limit(window).count();
                catchUps.add(rate(read, start));
            }
            catchUps.sort(Double::compare);
            double catchUp = catchUps.get(1);

            Random random = new Random(42);
            start = System.nanoTime();
            for (int i = 0; i < LOADS; i++) {
                long loaded = engine.readEvents("agg-" + random.nextInt(aggregates)).asStream().count();
                if (loaded != 10) {
                    throw new IllegalStateException("loaded " + loaded + " events, expected 10");
                }
            }
            double loadMillis = (System.nanoTime() - start) / 1e6 / LOADS;
            System.out.printf(Locale.ROOT, "%-8s %,10d %,14.0f %,18.0f %16.2f%n", backend, size, fillRate, catchUp,
                    loadMillis);
        }
    }

    private static void warmUp(MongoEventStorageEngine engine) {
        for (int i = 0; i < 500; i++) {
            engine.appendEvents(Fixtures.noted("warm-" + i, 0));
        }
        engine.readEvents(null, false).count();
    }

    private static double rate(long events, long startNanos) {
        return events / ((System.nanoTime() - startNanos) / 1e9);
    }
}
