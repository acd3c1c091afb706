package ledger.query.ledger;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the ledger views live. Current reads are key lookups, so they stay flat as the store
 * grows. Each saved version is also kept, by position, so the ledger can be read as it stood at
 * any earlier moment; such a read takes the month's versions up to that position (a month's
 * tasks times their events, not the whole store).
 *
 * <p>A month's ledger also carries the earlier tasks still open (结转): a closed task is added to
 * every month from its first to the one it closed in when it closes, and the open tasks are kept
 * as their own small set (bounded by the open work, not by the log), so a month's members are
 * always its index entries plus the open tasks first assigned before it.
 */
interface LedgerViews {

    Optional<LedgerTaskView> task(String taskId);

    List<LedgerTaskView> tasks(Collection<String> taskIds);

    /** Saves the current view and keeps it as the version at its position. */
    void save(LedgerTaskView task);

    /** Adds the task to a month's index; adding it twice is harmless. */
    void addToMonth(String month, String taskId);

    /** The month's index entries: the tasks assigned for it and the closed ones carried into it. */
    List<String> taskIdsOf(String month);

    /** Keeps the task among the open ones, with the month it was first assigned for. */
    void opened(String taskId, String firstMonth);

    /** The task is closed: it leaves the open set (its months are already in the index). */
    void closed(String taskId);

    /** The open tasks, by id, with the month each was first assigned for. */
    Map<String, String> openTasks();

    /** The ids of every task the ledger of {@code month} holds, its own and those carried over. */
    default List<String> monthTaskIds(String month) {
        return monthTaskIds(month, openTasks());
    }

    /** The same, for several months read against one reading of the open tasks. */
    default List<String> monthTaskIds(String month, Map<String, String> openTasks) {
        Set<String> ids = new LinkedHashSet<>(taskIdsOf(month));
        openTasks.forEach((taskId, firstMonth) -> {
            if (firstMonth.compareTo(month) < 0) {
                ids.add(taskId);
            }
        });
        return List.copyOf(ids);
    }

    /** The month's rows now, carried-over ones marked. */
    default List<LedgerTaskView> month(String month) {
        return tasks(monthTaskIds(month)).stream().map(task -> task.inMonth(month)).toList();
    }

    /**
     * The month's rows as they stood once every event up to {@code position} was applied: of the
     * tasks the month holds now, those that belonged to it then.
     */
    default List<LedgerTaskView> monthAsOf(String month, long position) {
        return monthTaskIds(month).stream().map(id -> taskAsOf(id, position)).flatMap(Optional::stream)
                .filter(task -> task.belongsTo(month)).map(task -> task.inMonth(month)).toList();
    }

    Optional<LedgerTaskView> taskAsOf(String taskId, long position);

    /** Forgets every ledger view and version, before a rebuild. */
    void clear();
}
