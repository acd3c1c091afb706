package ledger.command.organisation;

import static ledger.command.Rules.refusedWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ledger.kernel.organisation.ApproveAssessmentCorrectionCommand;
import ledger.kernel.organisation.AssessmentCorrectedEvent;
import ledger.kernel.organisation.AssessmentCorrectionRequestedEvent;
import ledger.kernel.organisation.AssessmentGrade;
import ledger.kernel.organisation.AssessmentKind;
import ledger.kernel.organisation.AssessmentRecordedEvent;
import ledger.kernel.organisation.AwardKind;
import ledger.kernel.organisation.CadreAwardGrantedEvent;
import ledger.kernel.organisation.CadreId;
import ledger.kernel.organisation.CadreLeftBureauEvent;
import ledger.kernel.organisation.CadreRegisteredEvent;
import ledger.kernel.organisation.DecideErrorToleranceCommand;
import ledger.kernel.organisation.ErrorToleranceDecidedEvent;
import ledger.kernel.organisation.FrontLineKind;
import ledger.kernel.organisation.FrontLineWorkRecordedEvent;
import ledger.kernel.organisation.GrantCadreAwardCommand;
import ledger.kernel.organisation.GrantUnitAwardCommand;
import ledger.kernel.organisation.MistakeRecordedEvent;
import ledger.kernel.organisation.RecordAssessmentCommand;
import ledger.kernel.organisation.RecordFrontLineWorkCommand;
import ledger.kernel.organisation.RecordMistakeCommand;
import ledger.kernel.organisation.RequestAssessmentCorrectionCommand;
import ledger.kernel.organisation.UnitAwardGrantedEvent;
import ledger.kernel.organisation.UnitId;
import ledger.kernel.organisation.UnitKind;
import ledger.kernel.organisation.UnitRegisteredEvent;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.task.TaskId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Assessments, awards, front-line work and error tolerance on the cadre (and unit) record. */
class CadreRecordsTest {

    private static final CadreId LI = new CadreId("cadre-li");
    private static final Instant NOW = Instant.parse("2026-12-20T02:00:00Z");
    private static final Actor PERSONNEL = new Actor("cadre-personnel-wu", Role.PERSONNEL_OFFICE, "personnel-office");
    private static final Actor PERSONNEL_2 = new Actor("cadre-personnel-qian", Role.PERSONNEL_OFFICE, "personnel-office");
    private static final Actor STAFF = new Actor("cadre-staff", Role.UNIT_STAFF, "planning");
    private static final CadreRegisteredEvent REGISTERED = new CadreRegisteredEvent(LI, "李明", new UnitId("planning"),
            "科员", true, LocalDate.parse("2024-07-01"), NOW);
    private static final AssessmentRecordedEvent ANNUAL = new AssessmentRecordedEvent(LI, "a-1", AssessmentKind.ANNUAL,
            "2026", AssessmentGrade.COMPETENT, LocalDate.parse("2026-12-31"), NOW);

    private final AggregateTestFixture<Cadre> cadres = new AggregateTestFixture<>(Cadre.class);

    @Test
    void the_personnel_office_records_one_annual_assessment_a_year() {
        cadres.given(REGISTERED)
              .when(new RecordAssessmentCommand(LI, PERSONNEL, "a-1", AssessmentKind.ANNUAL, "2026",
                      AssessmentGrade.COMPETENT, LocalDate.parse("2026-12-31"), NOW))
              .expectEvents(ANNUAL);
        cadres.given(REGISTERED, ANNUAL)
              .when(new RecordAssessmentCommand(LI, PERSONNEL, "a-2", AssessmentKind.ANNUAL, "2026",
                      AssessmentGrade.EXCELLENT, LocalDate.parse("2026-12-31"), NOW))
              .expectException(refusedWith(ErrorCode.ANNUAL_ASSESSMENT_EXISTS));
        cadres.given(REGISTERED, ANNUAL)
              .when(new RecordAssessmentCommand(LI, PERSONNEL, "a-3", AssessmentKind.REGULAR, "2026-Q4",
                      AssessmentGrade.EXCELLENT, LocalDate.parse("2026-12-31"), NOW))
              .expectSuccessfulHandlerExecution();
        cadres.given(REGISTERED)
              .when(new RecordAssessmentCommand(LI, STAFF, "a-1", AssessmentKind.ANNUAL, "2026",
                      AssessmentGrade.EXCELLENT, LocalDate.parse("2026-12-31"), NOW))
              .expectException(refusedWith(ErrorCode.NOT_PERMITTED));
    }

    @Test
    void no_assessment_covers_a_period_after_the_cadre_left() {
        cadres.given(REGISTERED, new CadreLeftBureauEvent(LI, LocalDate.parse("2026-09-30"), "调往市发改委", NOW))
              .when(new RecordAssessmentCommand(LI, PERSONNEL, "a-1", AssessmentKind.ANNUAL, "2026",
                      AssessmentGrade.COMPETENT, LocalDate.parse("2026-12-31"), NOW))
              .expectException(refusedWith(ErrorCode.ASSESSMENT_AFTER_DEPARTURE));
    }

    @Test
    void a_second_annual_grade_is_a_correction_with_reason_and_another_approver() {
        AssessmentCorrectionRequestedEvent requested = new AssessmentCorrectionRequestedEvent(LI, "a-1",
                AssessmentGrade.EXCELLENT, "漏计抗洪抢险表现", "cadre-personnel-wu", NOW);
        cadres.given(REGISTERED, ANNUAL)
              .when(new RequestAssessmentCorrectionCommand(LI, PERSONNEL, "a-1", AssessmentGrade.EXCELLENT,
                      "漏计抗洪抢险表现", NOW))
              .expectEvents(requested);
        cadres.given(REGISTERED, ANNUAL, requested)
              .when(new ApproveAssessmentCorrectionCommand(LI, PERSONNEL, "a-1", NOW))
              .expectException(refusedWith(ErrorCode.FOUR_EYES));
        cadres.given(REGISTERED, ANNUAL, requested)
              .when(new ApproveAssessmentCorrectionCommand(LI, PERSONNEL_2, "a-1", NOW))
              .expectEvents(new AssessmentCorrectedEvent(LI, "a-1", AssessmentGrade.COMPETENT, AssessmentGrade.EXCELLENT,
                      "漏计抗洪抢险表现", "cadre-personnel-wu", "cadre-personnel-qian", NOW));
        cadres.given(REGISTERED, ANNUAL)
              .when(new RequestAssessmentCorrectionCommand(LI, PERSONNEL, "a-9", AssessmentGrade.EXCELLENT, "无此项", NOW))
              .expectException(refusedWith(ErrorCode.UNKNOWN_ASSESSMENT));
    }

    @Test
    void nobody_records_asks_to_correct_or_approves_their_own_assessment() {
        Actor li = new Actor(LI.value(), Role.BUREAU_LEADER, null);
        Actor liAsPersonnel = new Actor(LI.value(), Role.PERSONNEL_OFFICE, "personnel-office");
        AssessmentCorrectionRequestedEvent requested = new AssessmentCorrectionRequestedEvent(LI, "a-1",
                AssessmentGrade.EXCELLENT, "漏计抗洪抢险表现", "cadre-personnel-wu", NOW);
        cadres.given(REGISTERED, ANNUAL, requested)
              .when(new ApproveAssessmentCorrectionCommand(LI, li, "a-1", NOW))
              .expectNoEvents()
              .expectException(refusedWith(ErrorCode.OWN_RECORD));
        cadres.given(REGISTERED, ANNUAL)
              .when(new RequestAssessmentCorrectionCommand(LI, liAsPersonnel, "a-1", AssessmentGrade.EXCELLENT, "自评",
                      NOW))
              .expectException(refusedWith(ErrorCode.OWN_RECORD));
        cadres.given(REGISTERED)
              .when(new RecordAssessmentCommand(LI, liAsPersonnel, "a-1", AssessmentKind.ANNUAL, "2026",
                      AssessmentGrade.EXCELLENT, LocalDate.parse("2026-12-31"), NOW))
              .expectException(refusedWith(ErrorCode.OWN_RECORD));
        // another bureau leader may approve
        cadres.given(REGISTERED, ANNUAL, requested)
              .when(new ApproveAssessmentCorrectionCommand(LI, new Actor("leader-zhang", Role.BUREAU_LEADER, null), "a-1",
                      NOW))
              .expectSuccessfulHandlerExecution();
    }

    @Test
    void awards_go_to_cadres_active_in_the_year_once_and_by_kind() {
        CadreAwardGrantedEvent granted = new CadreAwardGrantedEvent(LI, AwardKind.ADVANCED_WORKER, 2026, "攻坚克难", NOW);
        cadres.given(REGISTERED)
              .when(new GrantCadreAwardCommand(LI, AwardKind.ADVANCED_WORKER, 2026, "攻坚克难", NOW))
              .expectEvents(granted);
        cadres.given(REGISTERED, granted)
              .when(new GrantCadreAwardCommand(LI, AwardKind.ADVANCED_WORKER, 2026, "再评", NOW))
              .expectException(refusedWith(ErrorCode.AWARD_ALREADY_GRANTED));
        cadres.given(REGISTERED)
              .when(new GrantCadreAwardCommand(LI, AwardKind.ADVANCED_WORKER, 2023, "入职前", NOW))
              .expectException(refusedWith(ErrorCode.NOT_ACTIVE_IN_YEAR));
        cadres.given(REGISTERED)
              .when(new GrantCadreAwardCommand(LI, AwardKind.CIVILISED_UNIT, 2026, "错类", NOW))
              .expectException(refusedWith(ErrorCode.AWARD_NOT_FOR_CADRES));
    }

    @Test
    void units_receive_unit_awards_for_years_they_existed() {
        AggregateTestFixture<Unit> units = new AggregateTestFixture<>(Unit.class);
        UnitId planning = new UnitId("planning");
        UnitRegisteredEvent registered = new UnitRegisteredEvent(planning, "规划处", UnitKind.DIVISION, false,
                Instant.parse("2025-01-10T02:00:00Z"));
        units.given(registered)
             .when(new GrantUnitAwardCommand(planning, AwardKind.CIVILISED_UNIT, 2026, "文明处室", NOW))
             .expectEvents(new UnitAwardGrantedEvent(planning, AwardKind.CIVILISED_UNIT, 2026, "文明处室", NOW));
        units.given(registered)
             .when(new GrantUnitAwardCommand(planning, AwardKind.CIVILISED_UNIT, 2024, "成立前", NOW))
             .expectException(refusedWith(ErrorCode.NOT_ACTIVE_IN_YEAR));
        units.given(registered)
             .when(new GrantUnitAwardCommand(planning, AwardKind.EXCELLENT_PARTY_MEMBER, 2026, "错类", NOW))
             .expectException(refusedWith(ErrorCode.AWARD_NOT_FOR_UNITS));
    }

    @Test
    void front_line_work_names_its_task() {
        cadres.given(REGISTERED)
              .when(new RecordFrontLineWorkCommand(LI, FrontLineKind.URGENT_DIFFICULT_DANGEROUS_HEAVY,
                      new TaskId("task-flood"), "连续72小时排查危房", LocalDate.parse("2026-07-20"), NOW))
              .expectEvents(new FrontLineWorkRecordedEvent(LI, FrontLineKind.URGENT_DIFFICULT_DANGEROUS_HEAVY,
                      new TaskId("task-flood"), "连续72小时排查危房", LocalDate.parse("2026-07-20"), NOW));
    }

    @Test
    void an_error_tolerance_decision_excuses_a_recorded_mistake_which_stays_on_record() {
        MistakeRecordedEvent mistake = new MistakeRecordedEvent(LI, "m-1", "试点审批程序简化导致备案滞后",
                LocalDate.parse("2026-05-01"), List.of("event-3"), NOW);
        cadres.given(REGISTERED)
              .when(new RecordMistakeCommand(LI, "m-1", "试点审批程序简化导致备案滞后", LocalDate.parse("2026-05-01"),
                      List.of("event-3"), NOW))
              .expectEvents(mistake);
        ErrorToleranceDecidedEvent excused = new ErrorToleranceDecidedEvent(LI, "m-1", "属改革试点中的探索性失误",
                "为公共利益，未谋私利", "无先例可循，非明知故犯", "党组会〔2026〕21号", NOW);
        cadres.given(REGISTERED, mistake)
              .when(new DecideErrorToleranceCommand(LI, "m-1", "属改革试点中的探索性失误", "为公共利益，未谋私利",
                      "无先例可循，非明知故犯", "党组会〔2026〕21号", NOW))
              .expectEvents(excused);
        cadres.given(REGISTERED, mistake, excused)
              .when(new DecideErrorToleranceCommand(LI, "m-1", "再议", "再议", "再议", "党组会〔2026〕22号", NOW))
              .expectException(refusedWith(ErrorCode.MISTAKE_ALREADY_EXCUSED));
        cadres.given(REGISTERED)
              .when(new DecideErrorToleranceCommand(LI, "m-9", "再议", "再议", "再议", "党组会〔2026〕22号", NOW))
              .expectException(refusedWith(ErrorCode.UNKNOWN_MISTAKE));
    }
}
