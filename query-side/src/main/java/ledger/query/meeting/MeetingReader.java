package ledger.query.meeting;

import java.util.Comparator;
import java.util.List;

import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import org.springframework.stereotype.Component;

/** Reads the meetings for the API and the web pages alike, waiting for a position when asked. */
@Component
public class MeetingReader {

    static final String PROCESSOR = "meetings";
    private static final Comparator<MeetingView> NEWEST_FIRST = Comparator.comparing(MeetingView::month)
            .thenComparing(MeetingView::convenedAt).reversed();

    private final MeetingViews views;
    private final ViewPositions positions;

    MeetingReader(MeetingViews views, ViewPositions positions) {
        this.views = views;
        this.positions = positions;
    }

    public List<MeetingView> all(Long minPosition) {
        positions.awaitPosition(PROCESSOR, minPosition);
        return views.all().stream().sorted(NEWEST_FIRST).toList();
    }

    public MeetingView meeting(String meetingId, Long minPosition) {
        positions.awaitPosition(PROCESSOR, minPosition, List.of(meetingId));
        return views.find(meetingId).orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_RESOURCE,
                "No meeting " + meetingId + " is recorded"));
    }
}
