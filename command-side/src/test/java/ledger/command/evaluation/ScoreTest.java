package ledger.command.evaluation;

import static ledger.command.Rules.refusedWith;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import ledger.kernel.evaluation.ApproveScoreCorrectionCommand;
import ledger.kernel.evaluation.RecordScoreCommand;
import ledger.kernel.evaluation.RequestScoreCorrectionCommand;
import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreCorrectionRequestedEvent;
import ledger.kernel.evaluation.ScoreId;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreScale;
import ledger.kernel.evaluation.ScoreSubject;
import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoreTest {

    private static final ScoreId SCORE = new ScoreId("score-1");
    private static final Instant NOW = Instant.parse("2026-03-31T02:00:00Z");
    private static final Actor OFFICE = new Actor("cadre-office-zhao", Role.BUREAU_OFFICE, null);
    private static final Actor PARTY = new Actor("cadre-party-sun", Role.ORGAN_PARTY_COMMITTEE, null);
    private static final Actor DISCIPLINE = new Actor("cadre-discipline-zhou", Role.DISCIPLINE_INSPECTION, null);
    private static final ScoreSubject CADRE = new ScoreSubject(ScoreSubject.Kind.CADRE, "cadre-li");
    private static final ScoreScale HUNDRED = new ScoreScale(0, 100);
    private static final ScoreRecordedEvent RECORDED = new ScoreRecordedEvent(SCORE, YearMonth.parse("2026-03"), CADRE,
            "quality", HUNDRED, 82, "方案扎实，进度略慢", List.of("event-7"), NOW);
    private static final ScoreCorrectionRequestedEvent REQUESTED = new ScoreCorrectionRequestedEvent(SCORE, 82, 88,
            "漏计了提前完成的节点", "cadre-party-sun", NOW);

    private AggregateTestFixture<Score> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Score.class);
    }

    @Test
    void the_supervision_group_scores_with_a_rationale_naming_the_evidence() {
        fixture.givenNoPriorActivity()
               .when(new RecordScoreCommand(SCORE, OFFICE, YearMonth.parse("2026-03"), CADRE, "quality", HUNDRED, 82,
                       "方案扎实，进度略慢", List.of("event-7"), NOW))
               .expectEvents(RECORDED);
        fixture.givenNoPriorActivity()
               .when(new RecordScoreCommand(SCORE, DISCIPLINE, YearMonth.parse("2026-03"), CADRE, "quality", HUNDRED, 82,
                       "越权评分", List.of(), NOW))
               .expectException(refusedWith(ErrorCode.NOT_PERMITTED));
    }

    @Test
    void a_correction_is_asked_for_with_a_reason_on_the_scale_and_once_at_a_time() {
        fixture.given(RECORDED)
               .when(new RequestScoreCorrectionCommand(SCORE, PARTY, 88, "漏计了提前完成的节点", NOW))
               .expectEvents(REQUESTED);
        fixture.given(RECORDED)
               .when(new RequestScoreCorrectionCommand(SCORE, PARTY, 120, "超出", NOW))
               .expectException(refusedWith(ErrorCode.VALUE_OFF_SCALE));
        fixture.given(RECORDED)
               .when(new RequestScoreCorrectionCommand(SCORE, PARTY, 82, "不变", NOW))
               .expectException(refusedWith(ErrorCode.SAME_VALUE));
        fixture.given(RECORDED, REQUESTED)
               .when(new RequestScoreCorrectionCommand(SCORE, OFFICE, 90, "再改", NOW))
               .expectException(refusedWith(ErrorCode.CORRECTION_PENDING));
    }

    @Test
    void a_second_person_approves_and_both_values_stay_on_record() {
        fixture.given(RECORDED, REQUESTED)
               .when(new ApproveScoreCorrectionCommand(SCORE, OFFICE, NOW))
               .expectEvents(new ScoreCorrectedEvent(SCORE, 82, 88, "漏计了提前完成的节点", "cadre-party-sun",
                       "cadre-office-zhao", NOW));
    }

    @Test
    void the_person_who_asked_may_not_approve() {
        fixture.given(RECORDED, REQUESTED)
               .when(new ApproveScoreCorrectionCommand(SCORE, PARTY, NOW))
               .expectNoEvents()
               .expectException(refusedWith(ErrorCode.FOUR_EYES));
    }

    @Test
    void nothing_to_approve_without_a_request() {
        fixture.given(RECORDED)
               .when(new ApproveScoreCorrectionCommand(SCORE, OFFICE, NOW))
               .expectException(refusedWith(ErrorCode.NO_CORRECTION_PENDING));
    }
}
