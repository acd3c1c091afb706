package ledger.store;

/**
 * Decides, for a reader of the global stream, whether an entry may be handed to its event
 * processors: a reader's engine refuses what the writer did not seal. The command side (the
 * writer) has none; the query side's checks the writer's seals ({@code ledger.store.audit.GenuineCommits}).
 */
@FunctionalInterface
public interface CommitGuard {

    /** What a reader does with a commit. */
    enum Verdict {
        /** The writer sealed it: its events are handed on. */
        GENUINE,
        /** Not what the writer sealed: passed over for good (the guard raises the alarm). */
        FORGED,
        /**
         * Cannot be told yet (sealed with a key this reader cannot read yet): the reader stops before
         * it and reads it again at its next poll, so nothing after it is handed on out of order.
         */
        UNDECIDED
    }

    /** The verdict on the commit that owns this entry (a position of a commit, never a void). */
    Verdict judge(MongoEventStorageEngine.LogEntry entry);
}
