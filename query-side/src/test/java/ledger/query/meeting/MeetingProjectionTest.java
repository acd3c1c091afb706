package ledger.query.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ledger.kernel.meeting.DeliberationMeetingClosedEvent;
import ledger.kernel.meeting.DeliberationMeetingConvenedEvent;
import ledger.kernel.meeting.LaggingTaskReviewedEvent;
import ledger.kernel.meeting.MeetingId;
import ledger.kernel.meeting.TaskAssignedAtMeetingEvent;
import ledger.kernel.meeting.TaskCancellationDecidedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeetingProjectionTest {

    private static final MeetingId MEETING = new MeetingId("meeting-2026-03-1");
    private static final DeliberationMeetingConvenedEvent CONVENED = new DeliberationMeetingConvenedEvent(MEETING,
            YearMonth.parse("2026-03"), LocalDate.parse("2026-03-30"), 41, Instant.parse("2026-03-30T01:00:00Z"));

    /** The meeting views as a plain map. */
    static final class InMemoryMeetingViews implements MeetingViews {
        final Map<String, MeetingView> meetings = new LinkedHashMap<>();

        @Override
        public Optional<MeetingView> find(String meetingId) {
            return Optional.ofNullable(meetings.get(meetingId));
        }

        @Override
        public void save(MeetingView meeting) {
            meetings.put(meeting.meetingId(), meeting);
        }

        @Override
        public List<MeetingView> all() {
            return List.copyOf(meetings.values());
        }

        @Override
        public void clear() {
            meetings.clear();
        }
    }

    private InMemoryMeetingViews views;
    private MeetingProjection projection;

    @BeforeEach
    void setUp() {
        views = new InMemoryMeetingViews();
        projection = new MeetingProjection(views);
    }

    private MeetingView meeting() {
        return views.find(MEETING.value()).orElseThrow();
    }

    @Test
    void a_convened_meeting_keeps_its_month_the_ledger_position_it_reviews_and_who_convened_it() {
        projection.on(CONVENED, 0, "cadre-director");

        MeetingView meeting = meeting();
        assertThat(meeting.month()).isEqualTo("2026-03");
        assertThat(meeting.heldOn()).isEqualTo(LocalDate.parse("2026-03-30"));
        assertThat(meeting.ledgerPosition()).isEqualTo(41);
        assertThat(meeting.convenedBy()).isEqualTo("cadre-director");
        assertThat(meeting.closed()).isFalse();
    }

    @Test
    void the_record_holds_reviews_cancellations_next_months_tasks_and_the_closure() {
        projection.on(CONVENED, 0, "cadre-director");
        projection.on(new LaggingTaskReviewedEvent(MEETING, new TaskId("task-gas"), "管网产权不清", "燃气公司先行整改",
                Instant.parse("2026-03-30T01:10:00Z")), 1);
        projection.on(new TaskCancellationDecidedEvent(MEETING, new TaskId("task-old"), new TaskId("task-gas"),
                "与燃气整治合并", Instant.parse("2026-03-30T01:20:00Z")), 2);
        projection.on(new TaskAssignedAtMeetingEvent(MEETING, new TaskId("task-new"), "加装电梯", "完成20台",
                TaskSource.CITY_PARTY_COMMITTEE_GOVERNMENT, "市委办〔2026〕12号", new CadreId("cadre-wang"), new UnitId("unit-a"), List.of(new UnitId("unit-b")),
                LocalDate.parse("2026-04-30"), YearMonth.parse("2026-04"), Instant.parse("2026-03-30T01:30:00Z")), 3);
        projection.on(new DeliberationMeetingClosedEvent(MEETING, 1, 1, Instant.parse("2026-03-30T02:00:00Z")), 4);

        MeetingView meeting = meeting();
        assertThat(meeting.reviewOf("task-gas")).hasValueSatisfying(r -> {
            assertThat(r.causes()).isEqualTo("管网产权不清");
            assertThat(r.countermeasures()).isEqualTo("燃气公司先行整改");
        });
        assertThat(meeting.cancellationOf("task-old")).hasValueSatisfying(c ->
                assertThat(c.intoTaskId()).isEqualTo("task-gas"));
        assertThat(meeting.assignments()).singleElement().satisfies(a -> {
            assertThat(a.sourceLabel()).as("the requirement's own source").isEqualTo("市委市政府");
            assertThat(a.sourceReference()).isEqualTo("市委办〔2026〕12号");
            assertThat(a.title()).isEqualTo("加装电梯");
            assertThat(a.leadLeaderId()).isEqualTo("cadre-wang");
            assertThat(a.leadUnitId()).isEqualTo("unit-a");
            assertThat(a.coUnitIds()).containsExactly("unit-b");
            assertThat(a.ledgerMonth()).isEqualTo("2026-04");
        });
        assertThat(meeting.closedAt()).isEqualTo(Instant.parse("2026-03-30T02:00:00Z"));
        assertThat(meeting.version()).isEqualTo(4);
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        projection.on(CONVENED, 0, "cadre-director");
        LaggingTaskReviewedEvent reviewed = new LaggingTaskReviewedEvent(MEETING, new TaskId("task-gas"), "原因",
                "对策", Instant.parse("2026-03-30T01:10:00Z"));
        projection.on(reviewed, 1);
        projection.on(reviewed, 1);
        projection.on(CONVENED, 0, "someone-else");

        assertThat(meeting().reviews()).hasSize(1);
        assertThat(meeting().convenedBy()).isEqualTo("cadre-director");
    }

    @Test
    void a_rebuild_starts_from_nothing() {
        projection.on(CONVENED, 0, "cadre-director");
        projection.reset();
        assertThat(views.all()).isEmpty();
    }
}
