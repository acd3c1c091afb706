package ledger.query.evaluation;

import java.util.Comparator;
import java.util.List;

import java.time.YearMonth;

import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import org.springframework.stereotype.Component;

/** The score views as the score page reads them, after waiting for a position the page was sent to. */
@Component
public class ScoreReader {

    static final String PROCESSOR = "scores";

    private final ScoreViews views;
    private final ViewPositions positions;

    ScoreReader(ScoreViews views, ViewPositions positions) {
        this.views = views;
        this.positions = positions;
    }

    /** A month's scores by subject kind, subject and dimension. */
    public List<ScoreView> month(YearMonth month, Long minPosition) {
        positions.awaitPosition(PROCESSOR, minPosition);
        return views.month(month.toString()).stream().sorted(Comparator.comparing(ScoreView::subjectKind)
                .thenComparing(ScoreView::subjectId).thenComparing(ScoreView::dimension)
                .thenComparing(ScoreView::recordedAt)).toList();
    }

    public ScoreView score(String scoreId) {
        return views.find(scoreId).orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_RESOURCE,
                "No score " + scoreId + " is recorded"));
    }
}
