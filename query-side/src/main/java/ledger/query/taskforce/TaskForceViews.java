package ledger.query.taskforce;

import java.util.List;
import java.util.Optional;

/** Where the task force views live: a handful at a time, so listing them all is cheap. */
interface TaskForceViews {

    Optional<TaskForceView> find(String taskForceId);

    void save(TaskForceView taskForce);

    List<TaskForceView> all();

    void clear();
}
