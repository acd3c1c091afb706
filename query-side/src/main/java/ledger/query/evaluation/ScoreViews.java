package ledger.query.evaluation;

import java.util.List;
import java.util.Optional;

/** Where score views are kept: MongoDB in the service, a map in projection tests. */
interface ScoreViews {

    Optional<ScoreView> find(String scoreId);

    void save(ScoreView view);

    List<ScoreView> month(String month);

    void clear();
}
