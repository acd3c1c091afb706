package ledger.query.meeting;

import java.util.List;
import java.util.Optional;

/** Where the meeting views live: a dozen a year, so listing them all is cheap. */
interface MeetingViews {

    Optional<MeetingView> find(String meetingId);

    void save(MeetingView meeting);

    List<MeetingView> all();

    void clear();
}
