package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CadreRegisteredEvent(CadreId cadreId, String name, UnitId unitId, String position, boolean partyMember,
                                   LocalDate since, Instant registeredAt) {
}
