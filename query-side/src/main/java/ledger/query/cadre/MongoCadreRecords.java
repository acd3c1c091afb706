package ledger.query.cadre;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoCadreRecords implements CadreRecords {

    private final MongoTemplate mongo;

    MongoCadreRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<CadreRecordView> record(String cadreId) {
        return Optional.ofNullable(mongo.findById(cadreId, CadreRecordView.class));
    }

    @Override
    public void save(CadreRecordView record) {
        mongo.save(record);
    }

    @Override
    public void rememberLeader(String taskId, String cadreId) {
        mongo.upsert(query(where("_id").is(taskId)), new Update().set("cadreId", cadreId), TaskLeader.class);
    }

    @Override
    public Optional<String> leaderOf(String taskId) {
        return Optional.ofNullable(mongo.findById(taskId, TaskLeader.class)).map(TaskLeader::cadreId);
    }

    @Document("cadre_record_task_leaders")
    record TaskLeader(@Id String taskId, String cadreId) {
    }
}
