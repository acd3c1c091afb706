package ledger.kernel.organisation;

import java.time.Instant;
import java.time.LocalDate;

import ledger.kernel.task.TaskId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record FrontLineWorkRecordedEvent(CadreId cadreId,
                                         FrontLineKind kind,
                                         TaskId taskId,
                                         String performance,
                                         LocalDate on,
                                         Instant recordedAt) {
}
