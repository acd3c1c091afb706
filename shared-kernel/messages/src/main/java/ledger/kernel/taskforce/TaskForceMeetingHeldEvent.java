package ledger.kernel.taskforce;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskForceMeetingHeldEvent(TaskForceId taskForceId, LocalDate heldOn, String minutes, Instant recordedAt) {
}
