package ledger.store;

/** Told of every commit this engine stored, on the thread that stored it. */
@FunctionalInterface
public interface CommitListener {

    void committed(CommitReceipt receipt);
}
