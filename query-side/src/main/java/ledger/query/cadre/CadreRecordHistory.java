package ledger.query.cadre;

import java.util.Optional;

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
}
