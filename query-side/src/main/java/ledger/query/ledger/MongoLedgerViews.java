package ledger.query.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoLedgerViews implements LedgerViews {

    private static final String LEGACY_MONTH_TASKS = "ledger_month_tasks";

    private final MongoTemplate mongo;

    MongoLedgerViews(MongoTemplate mongo) {
        this.mongo = mongo;
        adoptEarlierLayout();
    }

    /**
     * Views written before the month and history documents existed kept one document per month entry
     * and found a task's versions by a non-unique index, which the embedded server ignores (a read grew
     * with every task ever assigned). Their content is moved into the keyed documents once.
     */
    private void adoptEarlierLayout() {
        if (!mongo.collectionExists(LEGACY_MONTH_TASKS)) {
            return;
        }
        if (mongo.estimatedCount(Month.class) == 0) {
            for (org.bson.Document entry : mongo.findAll(org.bson.Document.class, LEGACY_MONTH_TASKS)) {
                addToMonth(entry.getString("month"), entry.getString("taskId"));
            }
        }
        if (mongo.estimatedCount(TaskHistory.class) == 0) {
            mongo.findAll(TaskVersion.class).forEach(this::keepInHistory);
        }
        mongo.dropCollection(LEGACY_MONTH_TASKS);
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
        TaskVersion version = TaskVersion.of(task);
        mongo.save(version);
        keepInHistory(version);
        mongo.save(task);
    }

    private void keepInHistory(TaskVersion version) {
        mongo.upsert(query(where("_id").is(version.taskId())),
                new Update().addToSet("versions", new KeptVersion(version.id(), version.position())), TaskHistory.class);
    }

    @Override
    public void addToMonth(String month, String taskId) {
        // kept sorted, so the document is the same whichever order the processor's segments add in; an id
        // already there matches nothing, and the upsert's insert then meets the month's existing key
        Query without = query(where("_id").is(month).and("taskIds").ne(taskId));
        Update add = new Update().push("taskIds").sort(Sort.Direction.ASC).each(taskId);
        try {
            mongo.upsert(without, add, Month.class);
        } catch (DuplicateKeyException monthExists) {
            // either the task is there already, or another segment created the month meanwhile: now that the
            // month exists, a plain update adds the task if it is missing and does nothing otherwise
            mongo.updateFirst(without, add, Month.class);
        }
    }

    @Override
    public List<String> taskIdsOf(String month) {
        Month entries = mongo.findById(month, Month.class);
        return entries == null ? List.of() : entries.taskIds();
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
        TaskHistory history = mongo.findById(taskId, TaskHistory.class);
        if (history == null) {
            return Optional.empty();
        }
        return history.versions().stream().filter(kept -> kept.position() <= position)
                .max(Comparator.comparingLong(KeptVersion::position))
                .map(kept -> mongo.findById(kept.id(), TaskVersion.class)).map(TaskVersion::view);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), TaskVersion.class);
        mongo.remove(new Query(), Month.class);
        mongo.remove(new Query(), TaskHistory.class);
        mongo.remove(new Query(), OpenTask.class);
        mongo.remove(new Query(), LedgerTaskView.class);
    }

    /**
     * A month's index entries as one document, read by its key: a set, so the same entries whichever
     * order the processor's segments add them in, and a redelivered event adds nothing.
     */
    @Document("ledger_months")
    record Month(@Id String month, List<String> taskIds) {
    }

    /** Which kept version a task had at which position, so an as-of read is two key lookups. */
    @Document("ledger_task_history")
    record TaskHistory(@Id String taskId, List<KeptVersion> versions) {
    }

    record KeptVersion(String id, long position) {
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
