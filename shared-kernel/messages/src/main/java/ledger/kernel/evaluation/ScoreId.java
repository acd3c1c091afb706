package ledger.kernel.evaluation;

import ledger.kernel.shared.Identifier;
import ledger.kernel.shared.Require;

/** One supervision score (督查评分). */
public record ScoreId(String value) implements Identifier {

    public ScoreId {
        Require.id(value, "scoreId");
    }

    @Override
    public String toString() {
        return value;
    }
}
