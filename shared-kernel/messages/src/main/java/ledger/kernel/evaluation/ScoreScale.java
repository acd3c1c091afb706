package ledger.kernel.evaluation;

import ledger.kernel.shared.InvalidMessageException;

/** The declared scale a value is given on, e.g. 0–100 or 1–5. */
public record ScoreScale(int min, int max) {

    public ScoreScale {
        if (min < 0 || max > 1000 || min >= max) {
            throw new InvalidMessageException("scale", "must have 0 <= min < max <= 1000");
        }
    }

    public boolean contains(int value) {
        return value >= min && value <= max;
    }
}
