package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CadreLeftBureauEvent(CadreId cadreId,
                                   LocalDate effectiveOn,
                                   String reason,
                                   Instant recordedAt) {
}
