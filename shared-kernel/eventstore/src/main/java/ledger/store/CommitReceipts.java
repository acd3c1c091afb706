package ledger.store;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Captures the receipt of the commit made while running an action on this thread. Axon's local
 * command bus handles a command on the caller's thread, so an API call can answer with the exact
 * position and version its command produced.
 */
public class CommitReceipts implements CommitListener {

    private final ThreadLocal<CommitReceipt> last = new ThreadLocal<>();
    private final MongoEventStorageEngine engine;

    public CommitReceipts(MongoEventStorageEngine engine) {
        this.engine = engine;
        engine.addCommitListener(this);
    }

    @Override
    public void committed(CommitReceipt receipt) {
        last.set(receipt);
    }

    public <T> Captured<T> capture(Supplier<T> action) {
        last.remove();
        try {
            T result = action.get();
            return new Captured<>(result, Optional.ofNullable(last.get()));
        } finally {
            last.remove();
        }
    }

    /**
     * The receipt of the commit stored under an idempotency key (the {@code MetadataKeys.IDEMPOTENCY_KEY}
     * its events carried), read from the store: also the receipt of a commit made by a process
     * that died before it could answer.
     */
    public Optional<CommitReceipt> committedUnder(String idempotencyKey) {
        return engine.committedUnder(idempotencyKey);
    }

    public record Captured<T>(T result, Optional<CommitReceipt> receipt) {
    }
}
