package ledger.kernel.meeting;

import ledger.kernel.shared.Identifier;
import ledger.kernel.shared.Require;

/** A director's deliberation meeting (局长议事会). */
public record MeetingId(String value) implements Identifier {

    public MeetingId {
        Require.id(value, "meetingId");
    }

    @Override
    public String toString() {
        return value;
    }
}
