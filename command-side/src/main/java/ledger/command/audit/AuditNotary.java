package ledger.command.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import ledger.evidence.SigningKey;
import ledger.store.MongoEventStorageEngine;
import ledger.store.audit.AuditStore;
import ledger.store.audit.HeadFile;
import ledger.store.audit.Notary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the log notarized: every {@code ledger.audit.notary-interval} the tree is extended over
 * the newly settled positions and, when the log grew by {@code ledger.audit.checkpoint-entries}
 * or {@code ledger.audit.checkpoint-every} passed, a checkpoint is signed. The command side is the
 * single writer, so it alone holds the private key ({@link AuditKeyConfiguration}, which also
 * seals each commit); the public key is published in the store for the query side to hand out.
 */
@Component
public class AuditNotary {

    private static final Logger log = LoggerFactory.getLogger(AuditNotary.class);

    private final Notary notary;
    private final Duration interval;
    // Not Spring's scheduler: it waits at shutdown for a running task, and a pass blocked on a store
    // that is already gone would hold the shutdown for the driver's 30 s server selection timeout.
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "audit-notary");
        thread.setDaemon(true);
        return thread;
    });

    AuditNotary(MongoEventStorageEngine engine, AuditStore store, Clock clock, SigningKey key,
                @Value("${ledger.audit.key-file}") Path keyFile,
                @Value("${ledger.audit.notary-interval:10s}") Duration interval,
                @Value("${ledger.audit.checkpoint-entries:1000}") long checkpointEntries,
                @Value("${ledger.audit.checkpoint-every:1m}") Duration checkpointEvery) {
        this.notary = new Notary(engine, store, key, new Notary.CheckpointPolicy(checkpointEntries, checkpointEvery), clock,
                HeadFile.besideKey(keyFile));
        this.interval = interval;
    }

    /** The first pass runs at once but on the notary's thread: a large unnotarized log must not delay readiness. */
    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        scheduler.scheduleWithFixedDelay(this::pass, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** One pass; a failure is logged and the next pass tries again (a changed log stays an error each time). */
    public Notary.Pass pass() {
        try {
            return notary.pass();
        } catch (AuditStore.LogChangedException e) {
            // the notary logged the TAMPER ALARM and recorded it in audit_alarms
            log.warn("Notary pass stopped: nothing is signed until the alarm is resolved");
            return null;
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) { // interrupted: the service is stopping
                log.warn("Notary pass failed; the next one retries: {}", e.toString());
            }
            return null;
        }
    }
}
