package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** {@code unitId} is null for a member of the bureau's leadership (局领导班子), who serves in no division. */
@Revision("1")
public record CadreRegisteredEvent(CadreId cadreId, String name, UnitId unitId, String position, boolean partyMember,
                                   LocalDate since, Instant registeredAt) {
}
