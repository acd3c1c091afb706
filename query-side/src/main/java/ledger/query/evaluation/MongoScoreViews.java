package ledger.query.evaluation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
class MongoScoreViews implements ScoreViews {

    private final MongoTemplate mongo;

    MongoScoreViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<ScoreView> find(String scoreId) {
        return Optional.ofNullable(mongo.findById(scoreId, ScoreView.class));
    }

    @Override
    public void save(ScoreView view) {
        mongo.save(view);
    }

    @Override
    public List<ScoreView> month(String month) {
        return mongo.find(query(where("month").is(month)), ScoreView.class);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), ScoreView.class);
    }
}
