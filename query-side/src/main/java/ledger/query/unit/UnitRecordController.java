package ledger.query.unit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Unit records 处室档案")
class UnitRecordController {

    private final MongoTemplate mongo;
    private final ViewPositions positions;

    UnitRecordController(MongoTemplate mongo, ViewPositions positions) {
        this.mongo = mongo;
        this.positions = positions;
    }

    @GetMapping("/api/units/{unitId}/record")
    @Operation(summary = "A unit's awards (e.g. 文明处室), scores, mentions in published bulletins with their errata, "
            + "and who headed it when (处室负责人), each with its events")
    UnitRecordView record(@PathVariable String unitId, @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        positions.awaitPosition("unit-records", minPosition);
        UnitRecordView view = mongo.findById(unitId, UnitRecordView.class);
        if (view == null) {
            throw new LedgerException(ErrorCode.UNKNOWN_RESOURCE, "No unit " + unitId + " is recorded");
        }
        return view;
    }
}
