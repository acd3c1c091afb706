package ledger.kernel.evaluation;

import ledger.kernel.shared.Require;

/** What a score judges: a task, a unit or a cadre, by its id. */
public record ScoreSubject(Kind kind, String id) {

    public enum Kind { TASK, UNIT, CADRE }

    public ScoreSubject {
        Require.present(kind, "subject.kind");
        Require.id(id, "subject.id");
    }
}
