package ledger.query.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ledger.kernel.evaluation.ScoreCorrectedEvent;
import ledger.kernel.evaluation.ScoreCorrectionRequestedEvent;
import ledger.kernel.evaluation.ScoreId;
import ledger.kernel.evaluation.ScoreRecordedEvent;
import ledger.kernel.evaluation.ScoreScale;
import ledger.kernel.evaluation.ScoreSubject;
import org.junit.jupiter.api.Test;

class ScoreProjectionTest {

    private static final ScoreId SCORE = new ScoreId("score-1");
    private static final Instant AT = Instant.parse("2026-03-31T02:00:00Z");

    /** The views as a map. */
    static final class InMemoryScoreViews implements ScoreViews {
        final Map<String, ScoreView> views = new LinkedHashMap<>();

        @Override
        public Optional<ScoreView> find(String scoreId) {
            return Optional.ofNullable(views.get(scoreId));
        }

        @Override
        public void save(ScoreView view) {
            views.put(view.scoreId(), view);
        }

        @Override
        public List<ScoreView> month(String month) {
            return new ArrayList<>(views.values().stream().filter(v -> v.month().equals(month)).toList());
        }

        @Override
        public void clear() {
            views.clear();
        }
    }

    private final InMemoryScoreViews views = new InMemoryScoreViews();
    private final ScoreProjection projection = new ScoreProjection(views);

    private void recorded() {
        projection.on(new ScoreRecordedEvent(SCORE, YearMonth.parse("2026-03"), new ScoreSubject(ScoreSubject.Kind.UNIT,
                "urban-renewal"), "progress", new ScoreScale(0, 100), 80, "按期推进", List.of("e-7"), AT), 0, "e-1",
                "office-li");
    }

    @Test
    void a_recorded_score_shows_its_value_scale_rationale_evidence_and_scorer() {
        recorded();
        ScoreView view = views.month("2026-03").get(0);
        assertThat(view.value()).isEqualTo(80);
        assertThat(view.originalValue()).isEqualTo(80);
        assertThat(view.scaleMax()).isEqualTo(100);
        assertThat(view.rationale()).isEqualTo("按期推进");
        assertThat(view.evidenceEventIds()).containsExactly("e-7");
        assertThat(view.recordedBy()).isEqualTo("office-li");
        assertThat(view.subjectKind()).isEqualTo("UNIT");
        assertThat(view.pending()).isNull();
    }

    @Test
    void a_requested_correction_waits_beside_the_value_and_an_approved_one_keeps_both_values() {
        recorded();
        projection.on(new ScoreCorrectionRequestedEvent(SCORE, 80, 70, "漏计延期", "office-li", AT.plusSeconds(60)), 1, "e-2");
        ScoreView waiting = views.find("score-1").orElseThrow();
        assertThat(waiting.value()).isEqualTo(80);
        assertThat(waiting.pending().newValue()).isEqualTo(70);
        assertThat(waiting.pending().requestedBy()).isEqualTo("office-li");

        projection.on(new ScoreCorrectedEvent(SCORE, 80, 70, "漏计延期", "office-li", "party-wang", AT.plusSeconds(120)),
                2, "e-3");
        ScoreView corrected = views.find("score-1").orElseThrow();
        assertThat(corrected.value()).isEqualTo(70);
        assertThat(corrected.originalValue()).isEqualTo(80);
        assertThat(corrected.pending()).isNull();
        assertThat(corrected.corrections()).singleElement().satisfies(c -> {
            assertThat(c.originalValue()).isEqualTo(80);
            assertThat(c.newValue()).isEqualTo(70);
            assertThat(c.approvedBy()).isEqualTo("party-wang");
        });
        assertThat(corrected.eventIds()).containsExactly("e-1", "e-2", "e-3");
    }

    @Test
    void an_event_seen_again_changes_nothing() {
        recorded();
        projection.on(new ScoreCorrectionRequestedEvent(SCORE, 80, 70, "漏计延期", "office-li", AT), 1, "e-2");
        projection.on(new ScoreCorrectedEvent(SCORE, 80, 70, "漏计延期", "office-li", "party-wang", AT), 2, "e-3");
        projection.on(new ScoreCorrectionRequestedEvent(SCORE, 80, 70, "漏计延期", "office-li", AT), 1, "e-2");
        recorded();
        ScoreView view = views.find("score-1").orElseThrow();
        assertThat(view.pending()).isNull();
        assertThat(view.value()).isEqualTo(70);
        assertThat(view.eventIds()).hasSize(3);
    }
}
