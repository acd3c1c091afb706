package ledger.query.notification;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether reminders go out by e-mail (an SMTP host is set) and how: the sender's address, how old
 * a cause may be and still be mailed, the retry back-off, and the lease a sending instance holds
 * (longer than the SMTP timeouts, so a lease runs out only when its holder is gone).
 */
@Component
class MailSettings {

    private final String host;
    private final String from;
    private final Duration maxAge;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Duration lease;

    MailSettings(@Value("${spring.mail.host:}") String host, @Value("${ledger.mail.from:}") String from,
                 @Value("${ledger.mail.max-age:3d}") Duration maxAge,
                 @Value("${ledger.mail.retry-backoff:30s}") Duration backoff,
                 @Value("${ledger.mail.max-backoff:30m}") Duration maxBackoff,
                 @Value("${ledger.mail.lease:2m}") Duration lease) {
        this.host = host == null ? "" : host.strip();
        this.from = from == null || from.isBlank() ? "ledger@localhost" : from.strip();
        this.maxAge = maxAge;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.lease = lease;
    }

    boolean enabled() {
        return !host.isEmpty();
    }

    String from() {
        return from;
    }

    Duration maxAge() {
        return maxAge;
    }

    Duration lease() {
        return lease;
    }

    /** The wait before the next attempt after {@code failures} failed ones: doubling from the back-off, capped. */
    Duration backoffAfter(int failures) {
        Duration wait = backoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
