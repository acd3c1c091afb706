package ledger.query.statistics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoTaskHistories implements TaskHistories {

    private final MongoTemplate mongo;

    MongoTaskHistories(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<TaskHistory> find(String taskId) {
        return Optional.ofNullable(mongo.findById(taskId, TaskHistory.class));
    }

    @Override
    public List<TaskHistory> findAll(Collection<String> taskIds) {
        return mongo.find(query(where("_id").in(taskIds)), TaskHistory.class);
    }

    @Override
    public void save(TaskHistory history) {
        mongo.save(history);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), TaskHistory.class);
    }
}
