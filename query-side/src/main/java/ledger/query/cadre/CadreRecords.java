package ledger.query.cadre;

import java.util.Optional;

/** Where cadre records live; key lookups only. Each saved version is kept by position for as-of reads. */
interface CadreRecords {

    Optional<CadreRecordView> record(String cadreId);

    /** Saves the current record and keeps it as the version at its position. */
    void save(CadreRecordView record);

    /** The record as it stood once every event up to {@code position} was applied. */
    Optional<CadreRecordView> recordAsOf(String cadreId, long position);

    /** Which cadre a task (as lead leader) or a score belongs to, so its later events reach the right record. */
    void rememberOwner(String key, String cadreId);

    Optional<String> ownerOf(String key);

    /** Forgets every record, version and owner, before a rebuild. */
    void clear();
}
