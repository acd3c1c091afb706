package ledger.query.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoLedgerViews implements LedgerViews {

    private final MongoTemplate mongo;

    MongoLedgerViews(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(MonthTask.class).ensureIndex(new Index().on("month", Sort.Direction.ASC).named("month"));
        // single-field indexes: the embedded server ignores compound ones, and a month's or task's
        // versions are few enough to sort after the index lookup
        mongo.indexOps(TaskVersion.class).ensureIndex(new Index().on("ledgerMonth", Sort.Direction.ASC).named("month"));
        mongo.indexOps(TaskVersion.class).ensureIndex(new Index().on("taskId", Sort.Direction.ASC).named("task"));
    }

    @Override
    public Optional<LedgerTaskView> task(String taskId) {
        return Optional.ofNullable(mongo.findById(taskId, LedgerTaskView.class));
    }

    @Override
    public List<LedgerTaskView> tasks(Collection<String> taskIds) {
        return mongo.find(query(where("_id").in(taskIds)), LedgerTaskView.class);
    }

    @Override
    public void save(LedgerTaskView task) {
        // the version first: a crash before the view is saved is repaired by the redelivered event,
        // while a view saved without its version would make the redelivery skip it
        mongo.save(TaskVersion.of(task));
        mongo.save(task);
    }

    @Override
    public void addToMonth(String month, String taskId) {
        mongo.save(new MonthTask(month + "/" + taskId, month, taskId));
    }

    @Override
    public List<String> taskIdsOf(String month) {
        return mongo.find(query(where("month").is(month)).with(Sort.by("taskId")), MonthTask.class).stream()
                .map(MonthTask::taskId).toList();
    }

    @Override
    public void opened(String taskId, String firstMonth) {
        mongo.save(new OpenTask(taskId, firstMonth));
    }

    @Override
    public void closed(String taskId) {
        mongo.remove(query(where("_id").is(taskId)), OpenTask.class);
    }

    @Override
    public Map<String, String> openTasks() {
        Map<String, String> open = new LinkedHashMap<>();
        mongo.findAll(OpenTask.class).forEach(task -> open.put(task.taskId(), task.firstMonth()));
        return open;
    }

    @Override
    public Optional<LedgerTaskView> taskAsOf(String taskId, long position) {
        return mongo.find(query(where("taskId").is(taskId).and("position").lte(position))
                        .with(Sort.by(Sort.Direction.DESC, "position")).limit(1), TaskVersion.class)
                .stream().findFirst().map(TaskVersion::view);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), TaskVersion.class);
        mongo.remove(new Query(), MonthTask.class);
        mongo.remove(new Query(), OpenTask.class);
        mongo.remove(new Query(), LedgerTaskView.class);
    }

    /**
     * A task's membership of its month, one document each: the same documents whichever order the
     * processor's segments add them in, so a rebuilt index equals the live one.
     */
    @Document("ledger_month_tasks")
    record MonthTask(@Id String id, String month, String taskId) {
    }

    /** A task not yet completed, cancelled or merged: the ledger of every later month carries it. */
    @Document("ledger_open_tasks")
    record OpenTask(@Id String taskId, String firstMonth) {
    }

    /** A task view as it stood after one event; the key makes a redelivered save harmless. */
    @Document("ledger_task_versions")
    record TaskVersion(@Id String id, String taskId, String ledgerMonth, long position, LedgerTaskView view) {

        static TaskVersion of(LedgerTaskView view) {
            return new TaskVersion(view.taskId() + "@" + view.version(), view.taskId(), view.ledgerMonth(),
                    view.position(), view);
        }
    }
}
