package ledger.command.infrastructure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import ledger.web.IdGenerator;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@code Idempotency-Key} of the request being handled, as what the request produces carries
 * it: each command it sends is stamped with a commit key (the store keeps commits unique by it, so
 * the commit is the proof that the command ran and a second run cannot commit), and each id it
 * makes is derived from the key, so a run again after a crash makes the same ids, and its answer
 * (body, {@code ETag} and {@code Location}) is the first run's.
 */
final class RequestIdempotency {

    static final String ATTRIBUTE = RequestIdempotency.class.getName();

    private final String key;
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean replayed;

    /**
     * {@code person} is the signed-in person, {@code key} their Idempotency-Key, {@code generation}
     * the key's current use (see {@link IdempotencyFilter}): a key used again after it expired
     * makes other commit keys and ids. {@code null} for a key recorded before there were generations.
     */
    RequestIdempotency(String person, String key, String generation) {
        this.key = sha256(person + "\u0000" + key + (generation == null ? "" : "\u0000" + generation));
    }

    /** The request's idempotency, when this thread handles a request that carries a key. */
    static RequestIdempotency current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getAttribute(ATTRIBUTE) instanceof RequestIdempotency idempotency) {
            return idempotency;
        }
        return null;
    }

    /** Ids derived from the request's key while a request with one is handled, random otherwise. */
    static IdGenerator ids(IdGenerator otherwise) {
        return () -> {
            RequestIdempotency current = current();
            return current == null ? otherwise.newId() : current.nextId();
        };
    }

    /** The key of the request's next command: the n-th command of a run has the same key in every run. */
    String nextCommandKey() {
        return key + "#" + commands.getAndIncrement();
    }

    String nextId() {
        return UUID.nameUUIDFromBytes((key + "/id/" + ids.getAndIncrement()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A command of this run was answered with the commit an earlier run of the key stored. */
    void markReplayed() {
        replayed = true;
    }

    boolean replayed() {
        return replayed;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
