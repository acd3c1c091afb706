package ledger.query.cadre;

import java.util.Optional;
import java.util.OptionalLong;

import ledger.kernel.security.Actor;
import ledger.query.infrastructure.ViewPositions;
import org.springframework.stereotype.Component;

/** A cadre's record as it stood at a position, for readers outside the cadre feature (timelines). */
@Component
public class CadreRecordHistory {

    private final CadreRecords records;
    private final ViewPositions positions;

    CadreRecordHistory(CadreRecords records, ViewPositions positions) {
        this.records = records;
        this.positions = positions;
    }

    /**
     * As it stood once every event up to the position was applied (empty: now), after waiting
     * (bounded) until the view has come that far, so it is never a half-built past.
     */
    public Optional<CadreRecordView> recordAsOf(String cadreId, OptionalLong position) {
        positions.awaitAsOf(CadreRecordController.PROCESSOR, position);
        return records.recordAsOf(cadreId, position.orElse(Long.MAX_VALUE));
    }

    /** Whether the person may see the cadre's record: a reader role, or the cadre themself. */
    public static boolean mayRead(Actor actor, String cadreId) {
        return CadreRecordController.READERS.contains(actor.role()) || actor.personId().equals(cadreId);
    }
}
