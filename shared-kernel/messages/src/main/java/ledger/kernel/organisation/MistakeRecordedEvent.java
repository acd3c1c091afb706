package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MistakeRecordedEvent(CadreId cadreId,
                                   String mistakeId,
                                   String description,
                                   LocalDate occurredOn,
                                   List<String> evidenceEventIds,
                                   Instant recordedAt) {
}
