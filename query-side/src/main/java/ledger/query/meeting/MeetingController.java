package ledger.query.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The deliberation meetings' records, for the bureau's staff (like the ledger they review). */
@RestController
@Tag(name = "Director's deliberation meetings 局长议事会")
class MeetingController {

    record MeetingSummary(String meetingId, String month, LocalDate heldOn, Instant convenedAt, Instant closedAt,
                          int reviews, int cancellations, int assignments) {
    }

    private final MeetingReader meetings;

    MeetingController(MeetingReader meetings) {
        this.meetings = meetings;
    }

    @GetMapping("/api/meetings")
    @Operation(summary = "The meetings, newest month first")
    List<MeetingSummary> list(@RequestParam(required = false) @PositiveOrZero Long minPosition) {
        return meetings.all(minPosition).stream().map(m -> new MeetingSummary(m.meetingId(), m.month(), m.heldOn(),
                m.convenedAt(), m.closedAt(), m.reviews().size(), m.cancellations().size(), m.assignments().size()))
                .toList();
    }

    @GetMapping("/api/meetings/{meetingId}")
    @Operation(summary = "A meeting's record: reviews of lagging tasks, cancellations, next month's tasks, closure")
    MeetingView meeting(@PathVariable String meetingId,
                        @RequestParam(required = false) @PositiveOrZero Long minPosition) {
        return meetings.meeting(meetingId, minPosition);
    }
}
