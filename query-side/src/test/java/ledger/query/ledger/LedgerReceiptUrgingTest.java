package ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskReceivedEvent;
import ledger.kernel.task.TaskReceivedLateEvent;
import ledger.kernel.task.TaskSource;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeId;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger row's receipt (签收) and urging (督办) marks, on plain objects. */
class LedgerReceiptUrgingTest {

    private static final TaskId TASK = new TaskId("task-1");
    private static final UnitId LEAD = new UnitId("urban-renewal");
    private static final UnitId CO = new UnitId("finance");
    private static final UrgingNoticeId NOTICE = new UrgingNoticeId("notice-1");
    private static final LocalDate REPLY_BY = LocalDate.parse("2026-04-10");

    private InMemoryLedgerViews views;
    private LedgerProjection projection;
    private long position;

    @BeforeEach
    void setUp() {
        views = new InMemoryLedgerViews();
        projection = new LedgerProjection(views);
        projection.on(new TaskAssignedEvent(TASK, "推进老旧小区改造", "改造120个小区", TaskSource.MINISTRY, null,
                new CadreId("leader-wang"), LEAD, List.of(CO), LocalDate.parse("2026-03-31"), YearMonth.parse("2026-03"),
                Instant.parse("2026-03-02T02:00:00Z"), List.of()), 0, token());
    }

    private GlobalSequenceTrackingToken token() {
        return new GlobalSequenceTrackingToken(++position);
    }

    private LedgerTaskView row() {
        return views.task(TASK.value()).orElseThrow();
    }

    @Test
    void a_new_task_reads_as_not_yet_received_and_never_urged() {
        assertThat(row().received()).isFalse();
        assertThat(row().leadReceipt()).isNull();
        assertThat(row().urgingCount()).isZero();
        assertThat(row().openNotice()).isNull();
    }

    @Test
    void the_lead_unit_signing_late_shows_who_when_and_the_late_mark_while_the_co_unit_keeps_its_own_part() {
        projection.on(new TaskReceivedLateEvent(TASK, LEAD, true, LocalDate.parse("2026-03-04"),
                Instant.parse("2026-03-05T00:05:00Z")), 1, token());
        assertThat(row().received()).isFalse();
        assertThat(row().leadReceipt().late()).isTrue();

        projection.on(new TaskReceivedEvent(TASK, LEAD, true, "staff-li", Role.UNIT_STAFF,
                Instant.parse("2026-03-05T03:00:00Z")), 2, token());
        projection.on(new TaskReceivedEvent(TASK, CO, false, "staff-zhao", Role.UNIT_STAFF,
                Instant.parse("2026-03-03T03:00:00Z")), 3, token());

        LedgerTaskView.Receipt lead = row().leadReceipt();
        assertThat(row().received()).isTrue();
        assertThat(lead.receivedBy()).isEqualTo("staff-li");
        assertThat(lead.receivedAt()).isEqualTo(Instant.parse("2026-03-05T03:00:00Z"));
        assertThat(lead.late()).isTrue();
        assertThat(row().receivedBy("finance")).isTrue();
        assertThat(row().receipts()).filteredOn(r -> r.unitId().equals("finance")).singleElement()
                .satisfies(r -> assertThat(r.late()).isFalse());
    }

    @Test
    void an_urging_notice_is_open_until_answered_and_its_unanswered_mark_stays_after_a_late_reply() {
        projection.on(new UrgingNoticeIssuedEvent(TASK, NOTICE, "office-chen", Role.BUREAU_OFFICE, "进度滞后",
                "说明原因并提出措施", REPLY_BY, LEAD, new CadreId("leader-wang"), Instant.parse("2026-04-03T02:00:00Z")),
                1, token());
        assertThat(row().urgingCount()).isEqualTo(1);
        assertThat(row().openNotice().reason()).isEqualTo("进度滞后");
        assertThat(row().openNotice().expectation()).isEqualTo("说明原因并提出措施");
        assertThat(row().openNotice().replyBy()).isEqualTo(REPLY_BY);

        projection.on(new UrgingNoticeWentUnansweredEvent(TASK, NOTICE, LEAD, new CadreId("leader-wang"), REPLY_BY,
                Instant.parse("2026-04-11T00:05:00Z")), 2, token());
        assertThat(row().everUnanswered()).isTrue();
        assertThat(row().openNotice()).isNotNull();

        projection.on(new UrgingNoticeAnsweredEvent(TASK, NOTICE, LEAD, "staff-li", "拆迁协调未完成", "每周调度",
                55, REPLY_BY, true, Instant.parse("2026-04-13T02:00:00Z")), 3, token());
        LedgerTaskView.UrgingNotice notice = row().urgingNotices().get(0);
        assertThat(row().openNotice()).isNull();
        assertThat(notice.answeredBy()).isEqualTo("staff-li");
        assertThat(notice.lateReply()).isTrue();
        assertThat(notice.unanswered()).isTrue();
        assertThat(row().latestProgress().percent()).isEqualTo(55);
        assertThat(row().urgingCount()).isEqualTo(1);
    }

    @Test
    void a_redelivered_urging_event_is_applied_once() {
        UrgingNoticeIssuedEvent issued = new UrgingNoticeIssuedEvent(TASK, NOTICE, "office-chen", Role.BUREAU_OFFICE,
                "进度滞后", "说明原因", REPLY_BY, LEAD, new CadreId("leader-wang"), Instant.parse("2026-04-03T02:00:00Z"));
        projection.on(issued, 1, new GlobalSequenceTrackingToken(5));
        projection.on(issued, 1, new GlobalSequenceTrackingToken(5));

        assertThat(row().urgingCount()).isEqualTo(1);
    }
}
