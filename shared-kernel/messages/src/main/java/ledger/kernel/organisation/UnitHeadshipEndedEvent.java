package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * The cadre no longer heads the unit from {@code effectiveOn} on: they headed it up to the day
 * before. Recorded on its own, or just before a successor's {@link UnitHeadAppointedEvent} of the
 * same day (then the reason names the successor).
 */
@Revision("1")
public record UnitHeadshipEndedEvent(UnitId unitId, CadreId cadreId, LocalDate effectiveOn, String reason,
                                     Instant recordedAt) {
}
