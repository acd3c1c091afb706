package ledger.query.cadre;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cadre records in maps, for projection tests without a store. */
final class InMemoryCadreRecords implements CadreRecords {

    final Map<String, CadreRecordView> records = new HashMap<>();
    final List<CadreRecordView> versions = new ArrayList<>();
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, RecordFacts.TaskFacts> tasks = new HashMap<>();
    private final Map<String, RecordFacts.UnitFacts> units = new HashMap<>();
    private final Map<String, RecordFacts.BulletinFacts> bulletins = new HashMap<>();

    @Override
    public Optional<CadreRecordView> record(String cadreId) {
        return Optional.ofNullable(records.get(cadreId));
    }

    @Override
    public void save(CadreRecordView record) {
        versions.add(record);
        records.put(record.cadreId(), record);
    }

    @Override
    public Optional<CadreRecordView> recordAsOf(String cadreId, long position) {
        return versions.stream().filter(v -> v.cadreId().equals(cadreId) && v.lastPosition() <= position)
                .reduce((earlier, later) -> later);
    }

    @Override
    public void rememberOwner(String key, String cadreId) {
        owners.put(key, cadreId);
    }

    @Override
    public Optional<String> ownerOf(String key) {
        return Optional.ofNullable(owners.get(key));
    }

    @Override
    public Optional<RecordFacts.TaskFacts> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    @Override
    public void saveTask(RecordFacts.TaskFacts task) {
        tasks.put(task.taskId(), task);
    }

    @Override
    public List<RecordFacts.TaskFacts> tasks(List<String> taskIds) {
        return taskIds.stream().filter(tasks::containsKey).map(tasks::get).toList();
    }

    @Override
    public Optional<RecordFacts.UnitFacts> unit(String unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public void saveUnit(RecordFacts.UnitFacts unit) {
        units.put(unit.unitId(), unit);
    }

    @Override
    public Optional<RecordFacts.BulletinFacts> bulletin(String bulletinId) {
        return Optional.ofNullable(bulletins.get(bulletinId));
    }

    @Override
    public void saveBulletin(RecordFacts.BulletinFacts bulletin) {
        bulletins.put(bulletin.bulletinId(), bulletin);
    }

    @Override
    public void clear() {
        records.clear();
        versions.clear();
        owners.clear();
        tasks.clear();
        units.clear();
        bulletins.clear();
    }
}
