package ledger.query.deadletter;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries every view's parked events on a schedule ({@code ledger.query.dead-letter-retry-interval},
 * {@code LEDGER_DEAD_LETTER_RETRY_INTERVAL}), as an administrator's retry does: every sequence
 * once, in order, each stopping at its first event that fails again. With several query-side
 * instances each runs the schedule; the queue's claim on a sequence lets only one of them work on
 * it at a time (the others report it busy), so an event is never handled twice at once.
 */
@Component
class ScheduledRetries {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRetries.class);

    private final DeadLetters deadLetters;
    private final Duration interval;

    ScheduledRetries(DeadLetters deadLetters, @Value("${ledger.query.dead-letter-retry-interval:1m}") Duration interval) {
        this.deadLetters = deadLetters;
        this.interval = interval;
    }

    @Scheduled(initialDelayString = "${ledger.query.dead-letter-retry-interval:1m}",
            fixedDelayString = "${ledger.query.dead-letter-retry-interval:1m}")
    void retryParkedEvents() {
        for (String group : deadLetters.groups()) {
            try {
                if (deadLetters.parked(group) == 0) {
                    continue;
                }
                DeadLetters.RetryReport report = deadLetters.retry(group, null);
                if (report.stillFailing() > 0) {
                    log.warn("Retried the parked events of {}: {} sequences resolved, {} still failing, {} busy "
                                    + "elsewhere; next try in {}", group, report.resolved(), report.stillFailing(),
                            report.busy(), interval);
                } else if (report.retried() > 0) {
                    log.info("Retried the parked events of {}: {} sequences resolved, {} busy elsewhere", group,
                            report.resolved(), report.busy());
                }
            } catch (RuntimeException e) {
                // the store may be out: the next run tries again
                log.warn("Could not retry the parked events of {} ({}); next try in {}", group, e.toString(), interval);
            }
        }
    }
}
