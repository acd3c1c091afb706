package ledger.query.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the ledger views live. Current reads are key lookups, so they stay flat as the store
 * grows. Each saved version is also kept, by position, so the ledger can be read as it stood at
 * any earlier moment; such a read takes the month's versions up to that position (a month's
 * tasks times their events, not the whole store).
 */
interface LedgerViews {

    Optional<LedgerTaskView> task(String taskId);

    List<LedgerTaskView> tasks(Collection<String> taskIds);

    /** Saves the current view and keeps it as the version at its position. */
    void save(LedgerTaskView task);

    /** Adds the task to its month's index; adding it twice is harmless. */
    void addToMonth(String month, String taskId);

    List<String> taskIdsOf(String month);

    /** The month's tasks as they stood once every event up to {@code position} was applied. */
    List<LedgerTaskView> monthAsOf(String month, long position);

    Optional<LedgerTaskView> taskAsOf(String taskId, long position);

    /** Forgets every ledger view and version, before a rebuild. */
    void clear();
}
