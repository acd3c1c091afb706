package ledger.kernel.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Convene the director's deliberation meeting for a ledger month. {@code ledgerPosition} is the
 * global event position the ledger stood at when it was convened, so the exact ledger the meeting
 * reviewed can be shown again later.
 */
public record ConveneDeliberationMeetingCommand(@TargetAggregateIdentifier MeetingId meetingId, YearMonth month,
                                                LocalDate heldOn, long ledgerPosition, Instant convenedAt) {

    public ConveneDeliberationMeetingCommand {
        Require.present(meetingId, "meetingId");
        Require.present(month, "month");
        Require.present(heldOn, "heldOn");
        Require.notNegative(ledgerPosition, "ledgerPosition");
        Require.present(convenedAt, "convenedAt");
    }
}
