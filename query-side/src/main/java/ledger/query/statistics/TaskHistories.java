package ledger.query.statistics;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where the tasks' month-end standings live: read by task id only (key lookups, flat as the log grows). */
interface TaskHistories {

    Optional<TaskHistory> find(String taskId);

    List<TaskHistory> findAll(Collection<String> taskIds);

    void save(TaskHistory history);

    void clear();
}
