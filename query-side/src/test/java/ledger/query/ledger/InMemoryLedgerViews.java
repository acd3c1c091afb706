package ledger.query.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
    final Map<String, LedgerTaskView> versions = new LinkedHashMap<>();
    final Map<String, String> open = new LinkedHashMap<>();

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
        versions.put(task.taskId() + "@" + task.version(), task);
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

    @Override
    public void opened(String taskId, String firstMonth) {
        open.put(taskId, firstMonth);
    }

    @Override
    public void closed(String taskId) {
        open.remove(taskId);
    }

    @Override
    public Map<String, String> openTasks() {
        return Map.copyOf(open);
    }

    @Override
    public Optional<LedgerTaskView> taskAsOf(String taskId, long position) {
        return versions.values().stream().filter(v -> v.taskId().equals(taskId) && v.position() <= position)
                .max(Comparator.comparingLong(LedgerTaskView::position));
    }

    @Override
    public void clear() {
        tasks.clear();
        months.clear();
        versions.clear();
        open.clear();
    }
}
