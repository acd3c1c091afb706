package ledger.store;

/**
 * Decides, for a reader of the global stream, whether an entry may be handed to its event
 * processors: a reader's engine refuses what the writer did not seal. The command side (the
 * writer) has none; the query side's checks the writer's seals ({@code ledger.store.audit.GenuineCommits}).
 */
@FunctionalInterface
public interface CommitGuard {

    /** Whether the event of this entry (a position of a commit, never a void) may be read. */
    boolean admits(MongoEventStorageEngine.LogEntry entry);
}
