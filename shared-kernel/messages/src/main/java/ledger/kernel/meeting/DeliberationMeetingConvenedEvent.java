package ledger.kernel.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DeliberationMeetingConvenedEvent(MeetingId meetingId, YearMonth month, LocalDate heldOn,
                                               long ledgerPosition, Instant convenedAt) {
}
