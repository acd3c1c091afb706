package ledger.kernel.shared;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A refusal the business (or the system) wants a client to see: it carries a stable code and a
 * detail written for people. The web layers answer it as a problem document, with any extra
 * properties beside the code, and (for a temporary refusal) the wait before a retry.
 */
public class LedgerException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    public LedgerException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** Adds a property the problem document carries beside its code (e.g. what a client needs to act on it). */
    public LedgerException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** For a temporary refusal: how long the client should wait before it tries again (the default is a second). */
    public LedgerException retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
