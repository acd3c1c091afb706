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

    public CommitReceipts(MongoEventStorageEngine engine) {
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

    public record Captured<T>(T result, Optional<CommitReceipt> receipt) {
    }
}
