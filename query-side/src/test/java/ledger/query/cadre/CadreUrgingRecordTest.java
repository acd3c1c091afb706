package ledger.query.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.kernel.task.UrgingNoticeAnsweredEvent;
import ledger.kernel.task.UrgingNoticeId;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The urging notices to a unit are facts on its head's record (as of the day of each notice). */
class CadreUrgingRecordTest {

    private static final CadreId ZHANG = new CadreId("cadre-zhang");
    private static final CadreId WANG = new CadreId("cadre-wang");
    private static final UnitId PLANNING = new UnitId("planning");
    private static final TaskId TASK = new TaskId("task-1");
    private static final UrgingNoticeId NOTICE = new UrgingNoticeId("notice-1");
    private static final LocalDate REPLY_BY = LocalDate.parse("2026-04-10");
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    private InMemoryCadreRecords store;
    private CadreRecordProjection projection;

    @BeforeEach
    void setUp() {
        store = new InMemoryCadreRecords();
        projection = new CadreRecordProjection(store);
        projection.on(new CadreRegisteredEvent(ZHANG, "张伟", PLANNING, "处长", true, LocalDate.parse("2020-01-01"), NOW),
                "e-1", at(1));
        projection.on(new CadreRegisteredEvent(WANG, "王强", PLANNING, "副局长", true, LocalDate.parse("2020-01-01"), NOW),
                "e-2", at(2));
        projection.on(new UnitHeadAppointedEvent(PLANNING, ZHANG, LocalDate.parse("2026-01-01"), NOW), "e-3", at(3));
        projection.on(new TaskAssignedEvent(TASK, "老旧小区改造", "改造120个小区", TaskSource.MINISTRY, null, WANG, PLANNING,
                List.of(), LocalDate.parse("2026-03-31"), YearMonth.parse("2026-03"), NOW, List.of()), "e-4", at(4));
    }

    private static GlobalSequenceTrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    @Test
    void a_notice_left_unanswered_then_answered_late_is_on_the_lead_unit_heads_record_with_its_events() {
        projection.on(new UrgingNoticeIssuedEvent(TASK, NOTICE, "office-chen", Role.BUREAU_OFFICE, "进度滞后",
                "说明原因并提出措施", REPLY_BY, PLANNING, WANG, Instant.parse("2026-04-03T02:00:00Z")), "e-5", at(5));
        projection.on(new UrgingNoticeWentUnansweredEvent(TASK, NOTICE, PLANNING, WANG, REPLY_BY,
                Instant.parse("2026-04-11T00:05:00Z")), "e-6", at(6));
        UrgingNoticeAnsweredEvent reply = new UrgingNoticeAnsweredEvent(TASK, NOTICE, PLANNING, "staff-li", "协调未完成",
                "每周调度", 55, REPLY_BY, true, Instant.parse("2026-04-13T02:00:00Z"));
        projection.on(reply, "e-7", at(7));
        projection.on(reply, "e-7", at(7));

        CadreRecordView head = store.record(ZHANG.value()).orElseThrow();
        assertThat(head.urgings()).singleElement().satisfies(u -> {
            assertThat(u.taskId()).isEqualTo("task-1");
            assertThat(u.reason()).isEqualTo("进度滞后");
            assertThat(u.issuedOn()).isEqualTo(LocalDate.parse("2026-04-03"));
            assertThat(u.answeredOn()).isEqualTo(LocalDate.parse("2026-04-13"));
            assertThat(u.unanswered()).isTrue();
            assertThat(u.lateReply()).isTrue();
            assertThat(u.eventIds()).containsExactly("e-5", "e-6", "e-7");
        });
        assertThat(head.lastPosition()).isEqualTo(7);
        // the lead leader answers for the task, but the notice is the unit's
        assertThat(store.record(WANG.value()).orElseThrow().urgings()).isEmpty();
    }

    @Test
    void a_unit_without_a_head_on_the_day_puts_the_notice_on_nobodys_record() {
        projection.on(new UrgingNoticeIssuedEvent(TASK, NOTICE, "office-chen", Role.BUREAU_OFFICE, "进度滞后", "说明原因",
                REPLY_BY, new UnitId("finance"), WANG, Instant.parse("2026-04-03T02:00:00Z")), "e-5", at(5));

        assertThat(store.record(ZHANG.value()).orElseThrow().urgings()).isEmpty();
        assertThat(store.record(WANG.value()).orElseThrow().urgings()).isEmpty();
    }
}
