package ledger.query.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoLedgerViews implements LedgerViews {

    private final MongoTemplate mongo;

    MongoLedgerViews(MongoTemplate mongo) {
        this.mongo = mongo;
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
        mongo.save(task);
    }

    @Override
    public void addToMonth(String month, String taskId) {
        mongo.upsert(query(where("_id").is(month)), new Update().addToSet("taskIds", taskId), MonthIndex.class);
    }

    @Override
    public List<String> taskIdsOf(String month) {
        MonthIndex index = mongo.findById(month, MonthIndex.class);
        return index == null || index.taskIds() == null ? List.of() : index.taskIds();
    }

    /** Which tasks belong to a month: read by key, then the tasks by key. */
    @Document("ledger_months")
    record MonthIndex(@Id String month, List<String> taskIds) {
    }
}
