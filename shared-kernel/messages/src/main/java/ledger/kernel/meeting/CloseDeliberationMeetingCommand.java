package ledger.kernel.meeting;

import java.time.Instant;

import ledger.kernel.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closing makes the meeting's record final. */
public record CloseDeliberationMeetingCommand(@TargetAggregateIdentifier MeetingId meetingId, Instant closedAt) {

    public CloseDeliberationMeetingCommand {
        Require.present(meetingId, "meetingId");
        Require.present(closedAt, "closedAt");
    }
}
