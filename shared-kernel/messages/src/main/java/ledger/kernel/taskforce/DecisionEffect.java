package ledger.kernel.taskforce;

import java.time.LocalDate;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;

/** What a meeting decision changes on the linked tasks; a null field changes nothing. */
public record DecisionEffect(LocalDate newDueDate, CadreId newLeadLeaderId, UnitId newLeadUnitId,
                             boolean problemResolved) {
}
