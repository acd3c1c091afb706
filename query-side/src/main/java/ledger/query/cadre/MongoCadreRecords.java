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
    public void rememberOwner(String taskId, String cadreId) {
        mongo.upsert(query(where("_id").is(taskId)), new Update().set("cadreId", cadreId), Owner.class);
    }

    @Override
    public Optional<String> ownerOf(String taskId) {
        return Optional.ofNullable(mongo.findById(taskId, Owner.class)).map(Owner::cadreId);
    }

    @Document("cadre_record_owners")
    record Owner(@Id String key, String cadreId) {
    }
}
