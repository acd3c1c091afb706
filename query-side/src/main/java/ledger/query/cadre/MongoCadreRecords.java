package ledger.query.cadre;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class MongoCadreRecords implements CadreRecords {

    private final MongoTemplate mongo;

    MongoCadreRecords(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(RecordVersion.class).ensureIndex(new Index().on("cadreId", Sort.Direction.ASC).named("cadre"));
    }

    @Override
    public Optional<CadreRecordView> record(String cadreId) {
        return Optional.ofNullable(mongo.findById(cadreId, CadreRecordView.class));
    }

    @Override
    public void save(CadreRecordView record) {
        // the version first, so a redelivered event (which finds the record unchanged) writes it again
        mongo.save(new RecordVersion(record.cadreId() + "@" + record.eventIds().size(), record.cadreId(),
                record.lastPosition(), record));
        mongo.save(record);
    }

    @Override
    public Optional<CadreRecordView> recordAsOf(String cadreId, long position) {
        // an event changes a record at most once (the record lists the ids it has), so positions are unique
        return mongo.find(query(where("cadreId").is(cadreId).and("position").lte(position))
                        .with(Sort.by(Sort.Direction.DESC, "position")).limit(1), RecordVersion.class).stream()
                .findFirst()
                .map(RecordVersion::record);
    }

    @Override
    public void rememberOwner(String taskId, String cadreId) {
        mongo.upsert(query(where("_id").is(taskId)), new Update().set("cadreId", cadreId), Owner.class);
    }

    @Override
    public Optional<String> ownerOf(String taskId) {
        return Optional.ofNullable(mongo.findById(taskId, Owner.class)).map(Owner::cadreId);
    }

    @Override
    public Optional<RecordFacts.TaskFacts> task(String taskId) {
        return Optional.ofNullable(mongo.findById(taskId, RecordFacts.TaskFacts.class));
    }

    @Override
    public void saveTask(RecordFacts.TaskFacts task) {
        mongo.save(task);
    }

    @Override
    public List<RecordFacts.TaskFacts> tasks(List<String> taskIds) {
        return taskIds.isEmpty() ? List.of()
                : mongo.find(query(where("_id").in(taskIds)), RecordFacts.TaskFacts.class);
    }

    @Override
    public Optional<RecordFacts.UnitFacts> unit(String unitId) {
        return Optional.ofNullable(mongo.findById(unitId, RecordFacts.UnitFacts.class));
    }

    @Override
    public void saveUnit(RecordFacts.UnitFacts unit) {
        mongo.save(unit);
    }

    @Override
    public Optional<RecordFacts.BulletinFacts> bulletin(String bulletinId) {
        return Optional.ofNullable(mongo.findById(bulletinId, RecordFacts.BulletinFacts.class));
    }

    @Override
    public void saveBulletin(RecordFacts.BulletinFacts bulletin) {
        mongo.save(bulletin);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), RecordVersion.class);
        mongo.remove(new Query(), Owner.class);
        mongo.remove(new Query(), RecordFacts.TaskFacts.class);
        mongo.remove(new Query(), RecordFacts.UnitFacts.class);
        mongo.remove(new Query(), RecordFacts.BulletinFacts.class);
        mongo.remove(new Query(), CadreRecordView.class);
    }

    @Document("cadre_record_owners")
    record Owner(@Id String key, String cadreId) {
    }

    /** A record as it stood after one more event; keyed by its event count, so a redelivered save is harmless. */
    @Document("cadre_record_versions")
    record RecordVersion(@Id String id, String cadreId, long position, CadreRecordView record) {
    }
}
