package ledger.query.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where the ledger views live. Every method is a key lookup, so reads stay flat as the store grows. */
interface LedgerViews {

    Optional<LedgerTaskView> task(String taskId);

    List<LedgerTaskView> tasks(Collection<String> taskIds);

    void save(LedgerTaskView task);

    /** Adds the task to its month's index; adding it twice is harmless. */
    void addToMonth(String month, String taskId);

    List<String> taskIdsOf(String month);
}
