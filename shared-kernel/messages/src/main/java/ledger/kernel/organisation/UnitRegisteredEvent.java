package ledger.kernel.organisation;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record UnitRegisteredEvent(UnitId unitId, String name, UnitKind kind, boolean personnelOffice,
                                  Instant registeredAt) {
}
