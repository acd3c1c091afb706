package ledger.kernel.organisation;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The address at which the cadre is told of reminders by e-mail, from now on (replacing any earlier one). */
@Revision("1")
public record CadreEmailRecordedEvent(CadreId cadreId, String email, Instant recordedAt) {
}
