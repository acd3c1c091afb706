package ledger.query.web.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import ledger.store.MongoEventStorageEngine;
import ledger.store.audit.LogVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whole-log verifications started from the workbench, run one at a time in the background (each reads every
 * position), so the page can show how far one has come while it runs and its verdict when done. A second
 * start while one runs follows the running one. Kept in this instance's memory: the last few runs only.
 */
@Component
class LogVerifications {

    private static final Logger log = LoggerFactory.getLogger(LogVerifications.class);
    private static final int KEPT = 10;

    private final LogVerifier verifier;
    private final MongoEventStorageEngine engine;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "workbench-verify");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new LinkedHashMap<>();

    LogVerifications(LogVerifier verifier, MongoEventStorageEngine engine, Clock clock) {
        this.verifier = verifier;
        this.engine = engine;
        this.clock = clock;
    }

    /** One run: who started it when, how many entries of about how many are checked, and its verdict. */
    static final class Run {
        private final String id;
        private final String startedBy;
        private final Instant startedAt;
        private final long total;
        private final AtomicLong checked = new AtomicLong();
        private volatile VerifyVerdict verdict;
        private volatile boolean failed;
        private volatile Instant finishedAt;

        Run(String id, String startedBy, Instant startedAt, long total) {
            this.id = id;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
            this.total = total;
        }

        public String id() {
            return id;
        }

        public String startedBy() {
            return startedBy;
        }

        public Instant startedAt() {
            return startedAt;
        }

        public Instant finishedAt() {
            return finishedAt;
        }

        public long total() {
            return Math.max(total, checked.get());
        }

        public long checked() {
            return checked.get();
        }

        public boolean running() {
            return verdict == null && !failed;
        }

        /** The verifier itself failed (the store unreachable): no verdict about the log. */
        public boolean failed() {
            return failed;
        }

        public VerifyVerdict verdict() {
            return verdict;
        }

        public int percent() {
            long all = total();
            return all == 0 ? (running() ? 0 : 100) : (int) Math.min(100, checked.get() * 100 / all);
        }
    }

    synchronized Run start(String personId) {
        Optional<Run> running = runs.values().stream().filter(Run::running).findFirst();
        if (running.isPresent()) {
            return running.get();
        }
        Run run = new Run(UUID.randomUUID().toString(), personId, clock.instant(), engine.lastReservedPosition());
        runs.put(run.id(), run);
        while (runs.size() > KEPT) {
            runs.remove(runs.keySet().iterator().next());
        }
        runner.execute(() -> {
            try {
                run.verdict = VerifyVerdict.of(verifier.verify(null, null, run.checked::set));
            } catch (RuntimeException e) {
                log.error("A workbench verification failed to run", e);
                run.failed = true;
            }
            run.finishedAt = clock.instant();
        });
        return run;
    }

    synchronized Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
