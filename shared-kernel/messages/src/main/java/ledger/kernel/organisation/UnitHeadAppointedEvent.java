package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * The cadre heads the unit (处室负责人) from {@code effectiveOn} on, until a
 * {@link UnitHeadshipEndedEvent} of the unit. A head in office before is always ended first, by
 * its own event, so a reader never has to infer an end.
 */
@Revision("1")
public record UnitHeadAppointedEvent(UnitId unitId, CadreId cadreId, LocalDate effectiveOn, Instant recordedAt) {
}
