package ledger.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import ledger.evidence.SigningKey;
import ledger.store.CommitSealer;
import ledger.store.MongoEventStorageEngine;
import ledger.store.audit.AuditStore;
import ledger.store.audit.CommitSeals;
import ledger.store.audit.Notary;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The command side's notary, played by query-side tests: one key for the whole test run, as the
 * service keeps one, because the tests share a store and its checkpoints. The tests publish events
 * as the command side would write them, so they are sealed with that key too ({@link Sealing}).
 */
public final class TestNotary {

    public static final SigningKey KEY = SigningKey.generate();

    /** Seals what the tests write, as the command side seals its commits. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Sealing {
        @Bean
        CommitSealer testCommitSealer(AuditStore audit) {
            // published as the command side's notary publishes its key at start, so the views trust the seals
            audit.publishKey(KEY.keyId(), KEY.publicKeyPem(), Instant.now());
            return new CommitSeals(KEY, Clock.systemUTC());
        }
    }

    private TestNotary() {
    }

    /** Notarizes the log as far as it is settled, with a checkpoint at once. */
    public static void pass(MongoEventStorageEngine engine, AuditStore audit) {
        new Notary(engine, audit, KEY, new Notary.CheckpointPolicy(1, Duration.ZERO), Clock.systemUTC()).pass();
    }
}
