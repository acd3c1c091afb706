package ledger.query.cadre;

import java.util.EnumSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import ledger.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cadre records 干部实绩档案")
class CadreRecordController {

    static final String PROCESSOR = "cadre-records";
    /** Besides the cadre themself, only these roles see a cadre's record. */
    static final Set<Role> READERS = EnumSet.of(Role.PERSONNEL_OFFICE, Role.DISCIPLINE_INSPECTION, Role.BUREAU_LEADER);

    private final CadreRecords records;
    private final ViewPositions positions;

    CadreRecordController(CadreRecords records, ViewPositions positions) {
        this.records = records;
        this.positions = positions;
    }

    @GetMapping("/api/cadres/{cadreId}/record")
    @Operation(summary = "A cadre's performance record, each item with the events behind it")
    CadreRecordView record(@PathVariable String cadreId,
                           @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        Actor actor = CurrentActor.get();
        if (!READERS.contains(actor.role()) && !actor.personId().equals(cadreId)) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED,
                    "A cadre's record is seen by the personnel office, the discipline inspection group, bureau leaders "
                            + "and the cadre themself");
        }
        positions.awaitPosition(PROCESSOR, minPosition);
        return records.record(cadreId)
                .orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_CADRE_RECORD, "No cadre " + cadreId + " is recorded"));
    }
}
