package ledger.query.cadre;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
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

    /**
     * The record now (after waiting, bounded, for the view to reach {@code minPosition}), or as it stood at a
     * position; empty when there was no such cadre then.
     */
    public Optional<CadreRecordView> record(String cadreId, Long minPosition, OptionalLong asOf) {
        positions.awaitPosition(CadreRecordController.PROCESSOR, minPosition);
        return asOf.isPresent() ? recordAsOf(cadreId, asOf) : records.record(cadreId);
    }

    /** Titles of those of the tasks that are recorded, by id (front-line work names a task by its id). */
    public Map<String, String> taskTitles(Collection<String> taskIds) {
        Map<String, String> titles = new HashMap<>();
        List<String> ids = taskIds.stream().filter(id -> id != null).distinct().toList();
        if (!ids.isEmpty()) {
            records.tasks(ids).forEach(t -> titles.put(t.taskId(), t.title()));
        }
        return titles;
    }

    /** Whether the role reads every cadre's record (a search over them all), not only its own. */
    public static boolean readsEveryRecord(Role role) {
        return CadreRecordController.READERS.contains(role);
    }

    /** Refuses (403) whoever may not see the cadre's record. */
    public static void requireReader(Actor actor, String cadreId) {
        if (!mayRead(actor, cadreId)) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED,
                    "A cadre's record is seen by the personnel office, the discipline inspection group, bureau leaders "
                            + "and the cadre themself");
        }
    }

    /** Whether the person may see the cadre's record: a reader role, or the cadre themself. */
    public static boolean mayRead(Actor actor, String cadreId) {
        return readsEveryRecord(actor.role()) || actor.personId().equals(cadreId);
    }
}
