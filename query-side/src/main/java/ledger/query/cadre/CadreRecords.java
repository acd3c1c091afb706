package ledger.query.cadre;

import java.util.Optional;

/** Where cadre records live; key lookups only. */
interface CadreRecords {

    Optional<CadreRecordView> record(String cadreId);

    void save(CadreRecordView record);

    /** Which cadre leads a task, so the task's later events reach the right record. */
    void rememberLeader(String taskId, String cadreId);

    Optional<String> leaderOf(String taskId);
}
