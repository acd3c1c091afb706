package ledger.store.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.mongodb.client.MongoClient;
import ledger.evidence.EvidencePackage;
import ledger.evidence.EvidenceVerifier;
import ledger.evidence.SigningKey;
import ledger.store.Fixtures;
import ledger.store.MongoEventStorageEngine;
import ledger.store.TestStore;
import org.axonframework.eventhandling.EventMessage;

/**
 * Figures for tamper evidence on the embedded store (memory backend); prints them, asserts
 * nothing: how fast the notary builds the tree over an existing log, how fast the whole log is
 * re-verified, and what an evidence package costs. Size: -Dbench.events=1000000 (the default).
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(System.getProperty("bench.events", "1000000"));
        try (TestStore store = TestStore.inMemory(); MongoClient client = store.newClient()) {
            SigningKey key = SigningKey.generate();
            // sealed as the command side writes, so the fill, the notary and the verifier pay for seals
            MongoEventStorageEngine engine = store.engineBuilder(client).batchSize(500)
                    .sealer(new CommitSeals(key, Clock.systemUTC())).build();
            AuditStore audit = new AuditStore(client.getDatabase(store.databaseName()));
            List<String> ids = new ArrayList<>(size);
            long start = System.nanoTime();
            for (int a = 0; a < size / 10; a++) {
                List<EventMessage<?>> commit = new ArrayList<>(10);
                for (int s = 0; s < 10; s++) {
                    EventMessage<?> event = Fixtures.noted("agg-" + a, s);
                    commit.add(event);
                    ids.add(event.getIdentifier());
                }
                engine.appendEvents(commit);
            }
            double fill = rate(size, start);

            Notary notary = new Notary(engine, audit, key, new Notary.CheckpointPolicy(1, Duration.ZERO), Clock.systemUTC());
            start = System.nanoTime();
            long added = notary.extend(Long.MAX_VALUE);
            double notarize = rate(added, start);
            notary.checkpointNow();

            LogVerifier verifier = new LogVerifier(engine, audit);
            start = System.nanoTime();
            LogVerifier.Report report = verifier.verify(null, null);
            double verify = rate(report.checkedEntries(), start);
            if (!report.valid()) {
                throw new IllegalStateException("the untouched log did not verify: " + report.problem());
            }

            EvidenceAssembler assembler = new EvidenceAssembler(engine, audit, Clock.systemUTC());
            Random random = new Random(42);
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sample.add(ids.get(random.nextInt(ids.size())));
            }
            start = System.nanoTime();
            EvidencePackage evidence = assembler.forEvents("benchmark", "sample", sample);
            double packageMillis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            boolean valid = EvidenceVerifier.verify(EvidencePackage.parse(evidence.toJson()), key.publicKey()).valid();
            double offlineMillis = (System.nanoTime() - start) / 1e6;

            System.out.printf(Locale.ROOT, "== Tamper evidence on %,d events (memory backend) ==%n", size);
            System.out.printf(Locale.ROOT, "fill (engine, sealed commits of 10) %,12.0f events/s%n", fill);
            System.out.printf(Locale.ROOT, "notary: build the tree         %,12.0f events/s (%,d nodes stored)%n", notarize,
                    client.getDatabase(store.databaseName()).getCollection(AuditStore.NODES).estimatedDocumentCount());
            System.out.printf(Locale.ROOT, "verify the whole log           %,12.0f events/s (%s)%n", verify,
                    report.valid() ? "valid" : "BROKEN");
            System.out.printf(Locale.ROOT, "evidence package of 20 events  %,12.1f ms (%,d bytes; offline check %.1f ms, %s)%n",
                    packageMillis, evidence.toJson().length(), offlineMillis, valid ? "VALID" : "INVALID");
        }
        System.exit(0);
    }

    private static double rate(long events, long startNanos) {
        return events / ((System.nanoTime() - startNanos) / 1e9);
    }
}
