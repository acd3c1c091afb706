package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CadreTransferredEvent(CadreId cadreId, UnitId fromUnitId, UnitId toUnitId, String position,
                                    LocalDate effectiveOn, String reason, Instant recordedAt) {
}
