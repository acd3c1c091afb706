package ledger.query.cadre;

import java.util.List;
import java.util.Optional;

/**
 * Where cadre records and the facts beside them live; key lookups only. Each saved record
 * version is kept by position for as-of reads.
 */
interface CadreRecords {

    Optional<CadreRecordView> record(String cadreId);

    /** Saves the current record and keeps it as the version at its position. */
    void save(CadreRecordView record);

    /** The record as it stood once every event up to {@code position} was applied. */
    Optional<CadreRecordView> recordAsOf(String cadreId, long position);

    /** Which cadre a score judges, so its later correction reaches the right record. */
    void rememberOwner(String key, String cadreId);

    Optional<String> ownerOf(String key);

    Optional<RecordFacts.TaskFacts> task(String taskId);

    void saveTask(RecordFacts.TaskFacts task);

    /** The facts of those of the tasks that are recorded, in no particular order. */
    List<RecordFacts.TaskFacts> tasks(List<String> taskIds);

    Optional<RecordFacts.UnitFacts> unit(String unitId);

    void saveUnit(RecordFacts.UnitFacts unit);

    Optional<RecordFacts.BulletinFacts> bulletin(String bulletinId);

    void saveBulletin(RecordFacts.BulletinFacts bulletin);

    /** Forgets every record, version, owner and fact, before a rebuild. */
    void clear();
}
