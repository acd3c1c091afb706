package ledger.query.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The ledger views as plain maps, for projection tests. */
class InMemoryLedgerViews implements LedgerViews {

    final Map<String, LedgerTaskView> tasks = new LinkedHashMap<>();
    final Map<String, Set<String>> months = new LinkedHashMap<>();

    @Override
    public Optional<LedgerTaskView> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    @Override
    public List<LedgerTaskView> tasks(Collection<String> taskIds) {
        return taskIds.stream().map(tasks::get).filter(t -> t != null).toList();
    }

    @Override
    public void save(LedgerTaskView task) {
        tasks.put(task.taskId(), task);
    }

    @Override
    public void addToMonth(String month, String taskId) {
        months.computeIfAbsent(month, m -> new LinkedHashSet<>()).add(taskId);
    }

    @Override
    public List<String> taskIdsOf(String month) {
        return new ArrayList<>(months.getOrDefault(month, Set.of()));
    }
}
