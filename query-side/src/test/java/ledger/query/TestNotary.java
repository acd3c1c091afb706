package ledger.query;

import java.time.Clock;
import java.time.Duration;

import ledger.evidence.SigningKey;
import ledger.store.MongoEventStorageEngine;
import ledger.store.audit.AuditStore;
import ledger.store.audit.Notary;

/**
 * The command side's notary, played by query-side tests: one key for the whole test run, as the
 * service keeps one, because the tests share a store and its checkpoints.
 */
public final class TestNotary {

    public static final SigningKey KEY = SigningKey.generate();

    private TestNotary() {
    }

    /** Notarizes the log as far as it is settled, with a checkpoint at once. */
    public static void pass(MongoEventStorageEngine engine, AuditStore audit) {
        new Notary(engine, audit, KEY, new Notary.CheckpointPolicy(1, Duration.ZERO), Clock.systemUTC()).pass();
    }
}
