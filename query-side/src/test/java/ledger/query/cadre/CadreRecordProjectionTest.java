package ledger.query.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import ledger.kernel.bulletin.BulletinEntry;
import ledger.kernel.bulletin.BulletinEntryAddedEvent;
import ledger.kernel.bulletin.BulletinId;
import ledger.kernel.bulletin.BulletinPublishedEvent;
import ledger.kernel.bulletin.ErratumPublishedEvent;
import ledger.kernel.bulletin.EntryKind;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreId;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreScale;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.organisation.AssessmentCorrectedEvent;
import ledger.kernel.organisation.AssessmentCorrectionRequestedEvent;
import ledger.kernel.organisation.AssessmentGrade;
import ledger.kernel.organisation.AssessmentKind;
import ledger.kernel.organisation.AssessmentRecordedEvent;
import ledger.kernel.organisation.AwardKind;
import ledger.kernel.organisation.BureauLeaderAppointedEvent;
import ledger.kernel.organisation.CadreAwardGrantedEvent;
import ledger.kernel.organisation.ErrorToleranceDecidedEvent;
import ledger.kernel.organisation.FrontLineKind;
import ledger.kernel.organisation.FrontLineWorkRecordedEvent;
import ledger.kernel.organisation.MistakeRecordedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.CadreTransferredEvent;
import ledger.kernel.organisation.UnitHeadAppointedEvent;
import ledger.kernel.organisation.UnitHeadshipEndedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.task.CompletionVerifiedEvent;
import ledger.kernel.task.DeadlineChangedEvent;
import ledger.kernel.task.DeadlineMissedEvent;
import ledger.kernel.task.LeadershipDecisionAppliedEvent;
import ledger.kernel.task.TaskAssignedEvent;
import ledger.kernel.task.TaskEscalatedEvent;
import ledger.kernel.task.TaskId;
import ledger.kernel.task.TaskSource;
import ledger.kernel.taskforce.LeadershipMeeting;
import ledger.kernel.taskforce.TaskForceId;
import ledger.query.bulletin.BulletinMention;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CadreRecordProjectionTest {

    private static final CadreId ZHANG = new CadreId("cadre-zhang");
    private static final CadreId LI = new CadreId("cadre-li");
    private static final CadreId WANG = new CadreId("cadre-wang");
    private static final UnitId PLANNING = new UnitId("planning");
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final TaskId TASK = new TaskId("task-1");
    private static final LocalDate DUE = LocalDate.parse("2026-03-31");

    private InMemoryCadreRecords store;
    private Map<String, CadreRecordView> records;
    private List<CadreRecordView> versions;
    private CadreRecordProjection projection;

    @BeforeEach
    void setUp() {
        store = new InMemoryCadreRecords();
        records = store.records;
        versions = store.versions;
        projection = new CadreRecordProjection(store);
        projection.on(new CadreRegisteredEvent(ZHANG, "张伟", new UnitId("planning"), "处长", true,
                LocalDate.parse("2020-01-01"), NOW), "e-1", at(1));
        projection.on(new CadreRegisteredEvent(LI, "李明", new UnitId("finance"), "处长", false,
                LocalDate.parse("2021-01-01"), NOW), "e-2", at(2));
    }

    @Test
    void a_bureau_leader_registered_in_the_leadership_has_a_record_without_a_unit_and_printable_evidence() {
        CadreId director = new CadreId("cadre-director");
        projection.on(new CadreRegisteredEvent(director, "王局长", null, "局长", true, LocalDate.parse("2024-01-01"), NOW),
                "e-5", at(5));
        projection.on(new BureauLeaderAppointedEvent(director, "局长", List.of("全面工作"), false,
                LocalDate.parse("2024-01-01"), NOW), "e-6", at(6));
        projection.on(assigned(director), "e-7", at(7));

        CadreRecordView record = records.get("cadre-director");
        assertThat(record.unitId()).isNull();
        assertThat(record.postings()).singleElement().satisfies(p -> {
            assertThat(p.unitId()).isNull();
            assertThat(p.position()).isEqualTo("局长");
        });
        assertThat(record.tasksLed()).hasSize(1);
        // the printed evidence names the leadership for the missing unit: cadre-evidence-print.html
    }

    @Test
    void postings_and_leadership_carry_the_events_behind_them() {
        projection.on(new CadreTransferredEvent(ZHANG, new UnitId("planning"), new UnitId("bureau-office"), "副局长",
                LocalDate.parse("2024-01-01"), "提拔任用", NOW), "e-3", at(3));
        projection.on(new BureauLeaderAppointedEvent(ZHANG, "副局长", List.of("城市更新"), false,
                LocalDate.parse("2024-01-01"), NOW), "e-4", at(4));

        CadreRecordView record = records.get("cadre-zhang");
        assertThat(record.unitId()).isEqualTo("bureau-office");
        assertThat(record.postings()).extracting(CadreRecordView.Posting::eventId).containsExactly("e-1", "e-3");
        assertThat(record.postings().get(1).reason()).isEqualTo("提拔任用");
        assertThat(record.leadership().eventId()).isEqualTo("e-4", at(4));
    }

    @Test
    void tasks_led_record_their_outcome_and_an_event_delivered_twice_changes_nothing() {
        projection.on(assigned(ZHANG), "e-10", at(10));
        projection.on(new TaskEscalatedEvent(TASK, new TaskForceId("tf-1"), "难题", NOW), "e-11", at(11));
        projection.on(new DeadlineMissedEvent(TASK, DUE, NOW), "e-12", at(12));
        projection.on(new DeadlineMissedEvent(TASK, DUE, NOW), "e-12", at(12));
        projection.on(new CompletionVerifiedEvent(TASK, null, NOW, DUE, false, NOW), "e-13", at(13));

        CadreRecordView.TaskLed task = records.get("cadre-zhang").tasksLed().get(0);
        assertThat(task.outcome()).isEqualTo("COMPLETED_LATE");
        assertThat(task.escalated()).isTrue();
        assertThat(task.deadlineMissed()).isTrue();
        assertThat(task.eventIds()).containsExactly("e-10", "e-11", "e-12", "e-13");
    }

    @Test
    void a_decision_that_hands_the_task_to_another_leader_moves_it_to_their_record() {
        projection.on(assigned(ZHANG), "e-10", at(10));
        projection.on(new LeadershipDecisionAppliedEvent(TASK, new TaskForceId("tf-1"),
                LeadershipMeeting.PARTY_GROUP_MEETING, "党组会〔2026〕5号", DUE, LocalDate.parse("2026-04-30"), LI,
                new UnitId("finance"), true, NOW), "e-20", at(20));

        assertThat(records.get("cadre-zhang").tasksLed()).isEmpty();
        assertThat(records.get("cadre-li").tasksLed()).singleElement()
                .satisfies(t -> assertThat(t.eventIds()).containsExactly("e-10", "e-20"))
                .satisfies(t -> assertThat(t.dueDate()).isEqualTo(LocalDate.parse("2026-04-30")));
    }

    @Test
    void a_corrected_score_shows_the_original_value_and_the_reason_beside_the_new_one() {
        ScoreId score = new ScoreId("score-1");
        projection.on(new ScoreRecordedEvent(score, YearMonth.parse("2026-03"),
                new ScoreSubject(ScoreSubject.Kind.CADRE, "cadre-li"), "quality", new ScoreScale(0, 100), 82, "进度略慢",
                List.of(), NOW), "e-30", at(30));
        projection.on(new ScoreCorrectedEvent(score, 82, 88, "漏计节点", "cadre-a", "cadre-b", NOW), "e-31", at(31));

        assertThat(records.get("cadre-li").scores()).singleElement().satisfies(item -> {
            assertThat(item.value()).isEqualTo(88);
            assertThat(item.originalValue()).isEqualTo(82);
            assertThat(item.correctionReason()).isEqualTo("漏计节点");
            assertThat(item.eventIds()).containsExactly("e-30", "e-31");
        });
    }

    @Test
    void assessments_awards_front_line_and_excused_mistakes_stand_on_the_record_with_their_events() {
        projection.on(new AssessmentRecordedEvent(LI, "a-1", AssessmentKind.ANNUAL, "2026", AssessmentGrade.COMPETENT,
                LocalDate.parse("2026-12-31"), NOW), "e-40", at(40));
        projection.on(new AssessmentCorrectedEvent(LI, "a-1", AssessmentGrade.COMPETENT, AssessmentGrade.EXCELLENT,
                "漏计抗洪", "cadre-a", "cadre-b", NOW), "e-41", at(41));
        projection.on(new CadreAwardGrantedEvent(LI, AwardKind.ADVANCED_WORKER, 2026, "攻坚克难", NOW), "e-42", at(42));
        projection.on(new FrontLineWorkRecordedEvent(LI, FrontLineKind.URGENT_DIFFICULT_DANGEROUS_HEAVY,
                new TaskId("task-flood"), "连续排查", LocalDate.parse("2026-07-20"), NOW), "e-43", at(43));
        projection.on(new MistakeRecordedEvent(LI, "m-1", "备案滞后", LocalDate.parse("2026-05-01"), List.of(), NOW), "e-44", at(44));
        projection.on(new ErrorToleranceDecidedEvent(LI, "m-1", "探索", "为公", "无先例", "党组会〔2026〕21号", NOW), "e-45", at(45));
        projection.on(new BulletinEntryAddedEvent(BulletinId.of(YearMonth.parse("2026-10")), new BulletinEntry("entry-1",
                EntryKind.HIGHLIGHT, "提前完成", null, List.of("cadre-li"), null, null), NOW), "e-46", at(46));
        projection.on(new BulletinPublishedEvent(BulletinId.of(YearMonth.parse("2026-10")), YearMonth.parse("2026-10"),
                1, NOW), "e-47", at(47));

        CadreRecordView record = records.get("cadre-li");
        assertThat(record.assessments()).singleElement().satisfies(a -> {
            assertThat(a.grade()).isEqualTo("EXCELLENT");
            assertThat(a.originalGrade()).isEqualTo("COMPETENT");
            assertThat(a.eventIds()).containsExactly("e-40", "e-41");
        });
        assertThat(record.awards()).extracting(CadreRecordView.AwardItem::awardLabel).containsExactly("先进工作者");
        assertThat(record.frontLine()).extracting(CadreRecordView.FrontLineItem::taskId).containsExactly("task-flood");
        assertThat(record.mistakes()).singleElement().satisfies(m -> {
            assertThat(m.description()).isEqualTo("备案滞后");
            assertThat(m.excusedBy().partyGroupDecisionRef()).isEqualTo("党组会〔2026〕21号");
        });
        assertThat(record.bulletinMentions()).extracting(BulletinMention::text).containsExactly("提前完成");
    }

    @Test
    void a_correction_asked_for_waits_on_the_assessment_with_its_requester_until_it_is_approved() {
        projection.on(new AssessmentRecordedEvent(LI, "a-2", AssessmentKind.REGULAR, "2026年第三季度",
                AssessmentGrade.COMPETENT, LocalDate.parse("2026-09-30"), NOW), "e-60", at(60));
        projection.on(new AssessmentCorrectionRequestedEvent(LI, "a-2", AssessmentGrade.EXCELLENT, "漏计抗洪",
                "cadre-a", NOW), "e-61", at(61));

        assertThat(records.get("cadre-li").assessments()).singleElement().satisfies(a -> {
            assertThat(a.grade()).isEqualTo("COMPETENT");
            assertThat(a.pending().newGrade()).isEqualTo("EXCELLENT");
            assertThat(a.pending().requestedBy()).isEqualTo("cadre-a");
            assertThat(a.eventIds()).containsExactly("e-60", "e-61");
        });
        projection.on(new AssessmentCorrectedEvent(LI, "a-2", AssessmentGrade.COMPETENT, AssessmentGrade.EXCELLENT,
                "漏计抗洪", "cadre-a", "cadre-b", NOW), "e-62", at(62));
        assertThat(records.get("cadre-li").assessments()).singleElement().satisfies(a -> {
            assertThat(a.grade()).isEqualTo("EXCELLENT");
            assertThat(a.originalGrade()).isEqualTo("COMPETENT");
            assertThat(a.pending()).isNull();
            assertThat(a.eventIds()).containsExactly("e-60", "e-61", "e-62");
        });
    }

    @Test
    void the_record_as_of_a_position_shows_only_what_was_recorded_by_then() {
        projection.on(assigned(LI), "e-50", at(50));
        projection.on(new CadreAwardGrantedEvent(LI, AwardKind.ADVANCED_WORKER, 2026, "攻坚克难", NOW), "e-51", at(51));
        projection.on(new DeadlineMissedEvent(TASK, DUE, NOW), "e-52", at(52));

        CadreRecordView then = store.recordAsOf("cadre-li", 51).orElseThrow();
        assertThat(then.awards()).hasSize(1);
        assertThat(then.tasksLed()).singleElement().satisfies(t -> assertThat(t.deadlineMissed()).isFalse());
        assertThat(store.recordAsOf("cadre-li", 50).orElseThrow().awards()).isEmpty();
        assertThat(records.get("cadre-li").tasksLed().get(0).deadlineMissed()).isTrue();
        assertThat(records.get("cadre-li").lastPosition()).isEqualTo(52);
    }

    @Test
    void a_reset_forgets_every_record_so_a_replay_builds_them_again() {
        projection.on(assigned(LI), "e-50", at(50));
        projection.reset();
        assertThat(records).isEmpty();
        assertThat(versions).isEmpty();
    }

    @Test
    void an_approved_deadline_change_gives_the_task_its_new_due_date_and_names_the_event() {
        projection.on(assigned(ZHANG), "e-10", at(10));
        DeadlineChangedEvent changed = new DeadlineChangedEvent(TASK, DUE, LocalDate.parse("2026-04-15"), "资金未到位",
                ZHANG, NOW);
        projection.on(changed, "e-11", at(11));
        projection.on(changed, "e-11", at(11));

        assertThat(records.get("cadre-zhang").tasksLed()).singleElement().satisfies(t -> {
            assertThat(t.dueDate()).isEqualTo(LocalDate.parse("2026-04-15"));
            assertThat(t.eventIds()).containsExactly("e-10", "e-11");
        });
        assertThat(records.get("cadre-zhang").eventIds()).containsOnlyOnce("e-11");
    }

    @Test
    void the_head_of_the_lead_unit_answers_for_the_tasks_the_unit_led_while_they_headed_it() {
        register(WANG, "planning", 3);
        projection.on(new UnitHeadAppointedEvent(PLANNING, ZHANG, LocalDate.parse("2026-01-01"), NOW), "e-5", at(5));
        projection.on(assigned(TASK, WANG, "planning", day("2026-03-01")), "e-10", at(10));
        projection.on(new CompletionVerifiedEvent(TASK, null, NOW, DUE, false, NOW), "e-11", at(11));
        // 1 April: 李明 takes over; the end of 张伟's headship is its own fact
        projection.on(new UnitHeadshipEndedEvent(PLANNING, ZHANG, LocalDate.parse("2026-04-01"), "由 cadre-li 接任", NOW),
                "e-12", at(12));
        projection.on(new UnitHeadAppointedEvent(PLANNING, LI, LocalDate.parse("2026-04-01"), NOW), "e-13", at(13));
        TaskId april = new TaskId("task-april");
        projection.on(assigned(april, WANG, "planning", day("2026-04-10")), "e-14", at(14));

        CadreRecordView zhang = records.get("cadre-zhang");
        assertThat(zhang.unitHeadships()).singleElement().satisfies(h -> {
            assertThat(h.unitId()).isEqualTo("planning");
            assertThat(h.from()).isEqualTo(LocalDate.parse("2026-01-01"));
            assertThat(h.endedOn()).isEqualTo(LocalDate.parse("2026-04-01"));
            assertThat(h.eventIds()).containsExactly("e-5", "e-12");
        });
        assertThat(zhang.tasksLedAsUnitHead()).singleElement().satisfies(t -> {
            assertThat(t.taskId()).isEqualTo("task-1");
            assertThat(t.leadUnitId()).isEqualTo("planning");
            assertThat(t.outcome()).isEqualTo("COMPLETED_LATE");
            assertThat(t.eventIds()).containsExactly("e-10", "e-11");
        });
        assertThat(zhang.tasksLed()).isEmpty();
        assertThat(records.get("cadre-li").tasksLedAsUnitHead()).extracting(CadreRecordView.TaskLed::taskId)
                .containsExactly("task-april");
        assertThat(records.get("cadre-wang").tasksLed()).extracting(CadreRecordView.TaskLed::taskId)
                .containsExactly("task-1", "task-april");
    }

    @Test
    void a_headship_recorded_later_for_earlier_days_takes_the_units_tasks_of_those_days() {
        register(WANG, "planning", 3);
        projection.on(assigned(TASK, WANG, "planning", day("2026-03-01")), "e-10", at(10));
        assertThat(records.get("cadre-li").tasksLedAsUnitHead()).isEmpty();

        UnitHeadAppointedEvent appointed = new UnitHeadAppointedEvent(PLANNING, LI, LocalDate.parse("2026-02-01"), NOW);
        projection.on(appointed, "e-20", at(20));
        int versionsBefore = versions.size();
        projection.on(appointed, "e-20", at(20));

        assertThat(records.get("cadre-li").tasksLedAsUnitHead()).singleElement()
                .satisfies(t -> assertThat(t.eventIds()).containsExactly("e-10"));
        assertThat(versions).hasSize(versionsBefore);
        // and the task's later events reach the head's record
        projection.on(new TaskEscalatedEvent(TASK, new TaskForceId("tf-1"), "难题", NOW), "e-21", at(21));
        assertThat(records.get("cadre-li").tasksLedAsUnitHead().get(0).escalated()).isTrue();
    }

    @Test
    void a_decision_that_hands_the_task_to_another_unit_moves_it_to_that_units_head() {
        register(WANG, "planning", 3);
        projection.on(new UnitHeadAppointedEvent(PLANNING, ZHANG, LocalDate.parse("2026-01-01"), NOW), "e-5", at(5));
        projection.on(new UnitHeadAppointedEvent(new UnitId("finance"), LI, LocalDate.parse("2026-01-01"), NOW), "e-6",
                at(6));
        projection.on(assigned(TASK, WANG, "planning", day("2026-03-01")), "e-10", at(10));
        projection.on(new LeadershipDecisionAppliedEvent(TASK, new TaskForceId("tf-1"),
                LeadershipMeeting.PARTY_GROUP_MEETING, "党组会〔2026〕5号", DUE, LocalDate.parse("2026-04-30"), WANG,
                new UnitId("finance"), true, day("2026-03-20")), "e-20", at(20));

        assertThat(records.get("cadre-zhang").tasksLedAsUnitHead()).isEmpty();
        assertThat(records.get("cadre-li").tasksLedAsUnitHead()).singleElement().satisfies(t -> {
            assertThat(t.leadUnitId()).isEqualTo("finance");
            assertThat(t.dueDate()).isEqualTo(LocalDate.parse("2026-04-30"));
            assertThat(t.eventIds()).containsExactly("e-10", "e-20");
        });
        assertThat(records.get("cadre-wang").tasksLed()).singleElement()
                .satisfies(t -> assertThat(t.dueDate()).isEqualTo(LocalDate.parse("2026-04-30")));
    }

    @Test
    void only_a_published_bulletin_reaches_the_record_and_an_erratum_stands_beside_its_entry() {
        BulletinId october = BulletinId.of(YearMonth.parse("2026-10"));
        projection.on(new BulletinEntryAddedEvent(october, new BulletinEntry("entry-9", EntryKind.PROBLEM,
                "燃气整治进度滞后10天", null, List.of("cadre-li"), null, null), NOW), "e-60", at(60));
        assertThat(records.get("cadre-li").bulletinMentions()).as("a draft is the supervision group's").isEmpty();

        projection.on(new BulletinPublishedEvent(october, YearMonth.parse("2026-10"), 1, NOW), "e-61", at(61));
        projection.on(new ErratumPublishedEvent(october, "entry-9", "应为滞后7天", "天数计算有误", NOW), "e-62", at(62));

        assertThat(records.get("cadre-li").bulletinMentions()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("燃气整治进度滞后10天");
            assertThat(m.errata()).singleElement().satisfies(e -> {
                assertThat(e.correction()).isEqualTo("应为滞后7天");
                assertThat(e.reason()).isEqualTo("天数计算有误");
                assertThat(e.eventId()).isEqualTo("e-62");
            });
            assertThat(m.eventIds()).containsExactly("e-60", "e-61", "e-62");
        });
        assertThat(store.recordAsOf("cadre-li", 60).orElseThrow().bulletinMentions()).isEmpty();
    }

    private void register(CadreId cadre, String unit, long position) {
        projection.on(new CadreRegisteredEvent(cadre, cadre.value(), new UnitId(unit), "副局长", true,
                LocalDate.parse("2020-01-01"), NOW), "e-reg-" + cadre.value(), at(position));
    }

    private static Instant day(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(ledger.kernel.shared.BureauTime.ZONE).toInstant();
    }

    private static TaskAssignedEvent assigned(TaskId task, CadreId leader, String unit, Instant at) {
        return new TaskAssignedEvent(task, "推进老旧小区改造", null, TaskSource.MINISTRY, null, leader, new UnitId(unit),
                List.of(), DUE, YearMonth.from(at.atZone(ledger.kernel.shared.BureauTime.ZONE)), at, List.of());
    }

    private static GlobalSequenceTrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private static TaskAssignedEvent assigned(CadreId leader) {
        return new TaskAssignedEvent(TASK, "推进老旧小区改造", null, TaskSource.MINISTRY, null, leader,
                new UnitId("planning"), List.of(), DUE, YearMonth.parse("2026-03"), NOW, List.of());
    }
}
