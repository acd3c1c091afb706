package ledger.query.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import ledger.kernel.account.AccountDisabledEvent;
import ledger.kernel.account.AccountId;
import ledger.kernel.account.AccountOpenedEvent;
import ledger.kernel.organisation.CadreEmailRecordedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.security.Role;
import ledger.kernel.task.CompletionClaimedEvent;
import ledger.kernel.task.DeadlineChangeRequestedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskFellAtRiskEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskReceivedLateEvent;
import ledger.kernel.task.TaskSource;
import ledger.kernel.task.UrgingNoticeId;
import ledger.kernel.task.UrgingNoticeIssuedEvent;
import ledger.kernel.task.UrgingNoticeWentUnansweredEvent;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationProjectionTest {

    static final Instant NOW = Instant.parse("2026-03-20T02:00:00Z");
    static final TaskId TASK = new TaskId("task-renewal");
    static final CadreId LEADER = new CadreId("cadre-leader-wang");
    static final CadreId HEAD = new CadreId("cadre-head-zhou");
    static final UnitId PLANNING = new UnitId("planning");

    private NotificationStore store;

    @BeforeEach
    void open() {
        store = new NotificationStore(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A task led by the leader in the planning division, headed by Zhou, with one bureau office member. */
    static void organisation(NotificationProjection projection) {
        projection.on(new UnitHeadAppointedEvent(PLANNING, HEAD, LocalDate.parse("2025-01-01"), NOW));
        projection.on(new AccountOpenedEvent(new AccountId("account:office"), "office", "cadre-office-li",
                Role.BUREAU_OFFICE, null, "李娜", "admin", Role.ADMIN, NOW));
        projection.on(new AccountOpenedEvent(new AccountId("account:inspector"), "inspector", "cadre-inspector-chen",
                Role.DISCIPLINE_INSPECTION, null, "陈刚", "admin", Role.ADMIN, NOW));
        projection.on(new TaskAssignedEvent(TASK, "老旧小区改造", "完成12个小区改造", TaskSource.PARTY_GROUP_MEETING,
                "党组会2026-2", LEADER, PLANNING, List.of(), LocalDate.parse("2026-03-31"), YearMonth.parse("2026-03"),
                NOW, List.of()));
    }

    @Test
    void a_task_turning_yellow_then_red_tells_its_lead_leader_and_the_lead_units_head_newest_first() {
        organisation(store.projection);
        store.projection.on(new TaskFellAtRiskEvent(TASK, LocalDate.parse("2026-03-31"), NOW), "event-yellow",
                ReplayStatus.REGULAR);
        store.projection.on(new DeadlineMissedEvent(TASK, LocalDate.parse("2026-03-31"), NOW.plusSeconds(60)),
                "event-red", ReplayStatus.REGULAR);

        for (CadreId person : List.of(LEADER, HEAD)) {
            Notifications.Page page = store.notifications.of(person.value(), Notifications.Filter.ALL, 0, 20);
            assertThat(page.items()).extracting(i -> i.notification().cause(), i -> i.notification().linkId())
                    .containsExactly(tuple(NotificationCause.DEADLINE_MISSED, TASK.value()),
                            tuple(NotificationCause.TASK_AT_RISK, TASK.value()));
            assertThat(page.unread()).isEqualTo(2);
        }
        assertThat(store.texts.text(store.notifications.of(HEAD.value(), Notifications.Filter.ALL, 0, 20).items()
                .get(0).notification())).isEqualTo("任务“老旧小区改造”已于2026年3月31日到期，未经核验办结（红灯），请尽快办结并说明原因。");
        assertThat(store.notifications.of("cadre-office-li", Notifications.Filter.ALL, 0, 20).items()).isEmpty();
    }

    @Test
    void a_deadline_change_waits_for_the_lead_leader_and_a_completion_claim_for_the_verifiers() {
        organisation(store.projection);
        store.projection.on(new DeadlineChangeRequestedEvent(TASK, LocalDate.parse("2026-03-31"),
                LocalDate.parse("2026-04-30"), "拆迁协议未签", NOW), "event-change", ReplayStatus.REGULAR);
        store.projection.on(new CompletionClaimedEvent(TASK, "12个小区已完工", NOW), "event-claim", ReplayStatus.REGULAR);

        assertThat(store.notifications.of(LEADER.value(), Notifications.Filter.ALL, 0, 20).items())
                .extracting(i -> i.notification().cause()).containsExactly(NotificationCause.DEADLINE_CHANGE_REQUESTED);
        assertThat(store.notifications.of(HEAD.value(), Notifications.Filter.ALL, 0, 20).items()).isEmpty();
        assertThat(store.notifications.of("cadre-office-li", Notifications.Filter.ALL, 0, 20).items())
                .extracting(i -> i.notification().cause()).containsExactly(NotificationCause.COMPLETION_CLAIMED);
        assertThat(store.notifications.of("cadre-inspector-chen", Notifications.Filter.ALL, 0, 20).items())
                .as("the discipline inspection group oversees, it does not verify").isEmpty();
    }

    @Test
    void a_disabled_account_is_no_longer_told_of_claims() {
        organisation(store.projection);
        store.projection.on(new AccountDisabledEvent(new AccountId("account:office"), "office", "cadre-office-li",
                "admin", "调离", NOW));
        store.projection.on(new CompletionClaimedEvent(TASK, "已完工", NOW), "event-claim", ReplayStatus.REGULAR);

        assertThat(store.notifications.of("cadre-office-li", Notifications.Filter.ALL, 0, 20).items()).isEmpty();
    }

    @Test
    void read_marks_are_the_persons_own_and_outlive_a_rebuild() {
        organisation(store.projection);
        store.projection.on(new TaskFellAtRiskEvent(TASK, LocalDate.parse("2026-03-31"), NOW), "event-yellow",
                ReplayStatus.REGULAR);
        String id = NotificationView.id("event-yellow", LEADER.value());

        assertThat(store.notifications.markRead(HEAD.value(), id)).as("not Zhou's notification").isFalse();
        assertThat(store.notifications.markRead(LEADER.value(), id)).isTrue();
        store.projection.reset();
        organisation(store.projection);
        store.projection.on(new TaskFellAtRiskEvent(TASK, LocalDate.parse("2026-03-31"), NOW), "event-yellow",
                ReplayStatus.REPLAY);

        Notifications.Page leader = store.notifications.of(LEADER.value(), Notifications.Filter.READ, 0, 20);
        assertThat(leader.items()).singleElement().satisfies(i -> assertThat(i.readAt()).isEqualTo(NOW));
        assertThat(leader.unread()).isZero();
        assertThat(store.notifications.of(HEAD.value(), Notifications.Filter.UNREAD, 0, 20).items()).hasSize(1);
    }

    @Test
    void a_cause_is_mailed_once_to_each_recipient_with_an_address_and_never_on_a_replay_or_when_old() {
        organisation(store.projection);
        store.projection.on(new CadreEmailRecordedEvent(LEADER, "wang@zjj.example.gov.cn", NOW));
        TaskFellAtRiskEvent yellow = new TaskFellAtRiskEvent(TASK, LocalDate.parse("2026-03-31"), NOW);
        store.projection.on(yellow, "event-yellow", ReplayStatus.REGULAR);
        store.projection.on(yellow, "event-yellow", ReplayStatus.REGULAR);
        store.projection.on(new DeadlineMissedEvent(TASK, LocalDate.parse("2026-03-31"), NOW), "event-red",
                ReplayStatus.REPLAY);
        store.projection.on(new DeadlineMissedEvent(TASK, LocalDate.parse("2026-02-28"), NOW.minus(Duration.ofDays(10))),
                "event-old", ReplayStatus.REGULAR);

        assertThat(store.outbox.list(null, 0, 10)).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("wang@zjj.example.gov.cn");
            assertThat(mail.subject()).isEqualTo("【督查台账】临近提醒：老旧小区改造");
            assertThat(mail.body()).contains("将于2026年3月31日到期", "任务编号：task-renewal");
            assertThat(mail.state()).isEqualTo(MailOutbox.State.PENDING);
        });
    }

    @Test
    void an_urging_notice_tells_the_lead_units_head_and_staff_and_its_going_unanswered_tells_the_lead_leader_too() {
        organisation(store.projection);
        store.projection.on(new AccountOpenedEvent(new AccountId("account:staff"), "staff", "cadre-staff-sun",
                Role.UNIT_STAFF, PLANNING.value(), "孙丽", "admin", Role.ADMIN, NOW));
        store.projection.on(new AccountOpenedEvent(new AccountId("account:other"), "other", "cadre-staff-qian",
                Role.UNIT_STAFF, "finance", "钱进", "admin", Role.ADMIN, NOW));
        store.projection.on(new CadreEmailRecordedEvent(new CadreId("cadre-staff-sun"), "sun@zjj.example.gov.cn", NOW));
        UrgingNoticeId notice = new UrgingNoticeId("notice-1");
        store.projection.on(new UrgingNoticeIssuedEvent(TASK, notice, "cadre-office-li", Role.BUREAU_OFFICE, "进度滞后",
                "说明原因并报送措施", LocalDate.parse("2026-03-25"), PLANNING, LEADER, NOW), "event-urged",
                ReplayStatus.REGULAR);
        store.projection.on(new UrgingNoticeWentUnansweredEvent(TASK, notice, PLANNING, LEADER,
                LocalDate.parse("2026-03-25"), NOW.plusSeconds(60)), "event-unanswered", ReplayStatus.REGULAR);

        for (String person : List.of(HEAD.value(), "cadre-staff-sun")) {
            assertThat(store.notifications.of(person, Notifications.Filter.ALL, 0, 20).items())
                    .extracting(i -> i.notification().cause())
                    .containsExactly(NotificationCause.URGING_NOTICE_UNANSWERED, NotificationCause.URGING_NOTICE_ISSUED);
        }
        assertThat(store.notifications.of(LEADER.value(), Notifications.Filter.ALL, 0, 20).items())
                .extracting(i -> i.notification().cause()).containsExactly(NotificationCause.URGING_NOTICE_UNANSWERED);
        assertThat(store.notifications.of("cadre-staff-qian", Notifications.Filter.ALL, 0, 20).items()).isEmpty();
        assertThat(store.texts.text(store.notifications.of(HEAD.value(), Notifications.Filter.ALL, 0, 20).items()
                .get(1).notification()))
                .isEqualTo("任务“老旧小区改造”收到督办通知。督办事由：进度滞后；工作要求：说明原因并报送措施。请于2026年3月25日前回复。");
        assertThat(store.outbox.list(null, 0, 10)).extracting(MailOutbox.OutgoingMail::to, MailOutbox.OutgoingMail::subject)
                .containsExactlyInAnyOrder(tuple("sun@zjj.example.gov.cn", "【督查台账】督办通知：老旧小区改造"),
                        tuple("sun@zjj.example.gov.cn", "【督查台账】督办通知逾期未回复：老旧小区改造"));
    }

    @Test
    void a_late_receipt_tells_the_late_units_head() {
        organisation(store.projection);
        store.projection.on(new TaskReceivedLateEvent(TASK, PLANNING, true, LocalDate.parse("2026-03-03"), NOW),
                "event-late", ReplayStatus.REGULAR);

        assertThat(store.notifications.of(HEAD.value(), Notifications.Filter.ALL, 0, 20).items())
                .singleElement().satisfies(i -> assertThat(store.texts.text(i.notification()))
                        .isEqualTo("任务“老旧小区改造”应于2026年3月3日前签收，尚未签收，已记录在案。请尽快签收。"));
        assertThat(store.notifications.of(LEADER.value(), Notifications.Filter.ALL, 0, 20).items()).isEmpty();
    }
}
