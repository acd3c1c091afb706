package ledger.query.taskforce;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoTaskForceViews implements TaskForceViews {

    private final MongoTemplate mongo;

    MongoTaskForceViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<TaskForceView> find(String taskForceId) {
        return Optional.ofNullable(mongo.findById(taskForceId, TaskForceView.class));
    }

    @Override
    public void save(TaskForceView taskForce) {
        mongo.save(taskForce);
    }

    @Override
    public List<TaskForceView> all() {
        return mongo.findAll(TaskForceView.class);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), TaskForceView.class);
    }
}
