package ledger.query.cadre;

import java.util.Optional;

/** Where cadre records live; key lookups only. */
interface CadreRecords {

    Optional<CadreRecordView> record(String cadreId);

    void save(CadreRecordView record);

    /** Which cadre a task (as lead leader) or a score belongs to, so its later events reach the right record. */
    void rememberOwner(String key, String cadreId);

    Optional<String> ownerOf(String key);
}
