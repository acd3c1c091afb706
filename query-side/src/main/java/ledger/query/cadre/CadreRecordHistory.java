package ledger.query.cadre;

import java.util.Optional;

import ledger.kernel.security.Actor;
import org.springframework.stereotype.Component;

/** A cadre's record as it stood at a position, for readers outside the cadre feature (timelines). */
@Component
public class CadreRecordHistory {

    private final CadreRecords records;

    CadreRecordHistory(CadreRecords records) {
        this.records = records;
    }

    public Optional<CadreRecordView> recordAsOf(String cadreId, long position) {
        return records.recordAsOf(cadreId, position);
    }

    /** Whether the person may see the cadre's record: a reader role, or the cadre themself. */
    public static boolean mayRead(Actor actor, String cadreId) {
        return CadreRecordController.READERS.contains(actor.role()) || actor.personId().equals(cadreId);
    }
}
