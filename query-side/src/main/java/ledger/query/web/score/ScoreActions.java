package ledger.query.web.score;

import java.util.EnumSet;
import java.util.Set;

import ledger.kernel.security.Role;
import ledger.query.evaluation.ScoreView;
import ledger.query.web.signin.SignedInPerson;

/**
 * Who may see the score page and which of its forms: a courtesy that hides what would surely be refused. The
 * Score aggregate decides every request (four eyes included) and its refusal is shown beside the form.
 */
public final class ScoreActions {

    /** The supervision group members who score (the discipline inspection group oversees). */
    public static final Set<Role> SCORERS = EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE);
    /** Who reads the month's scores here: the supervision group and the bureau leaders. */
    static final Set<Role> READERS = EnumSet.of(Role.BUREAU_OFFICE, Role.ORGAN_PARTY_COMMITTEE,
            Role.DISCIPLINE_INSPECTION, Role.BUREAU_LEADER);

    private ScoreActions() {
    }

    /** Whether the nav shows the score page to this role. */
    public static boolean reads(Role role) {
        return READERS.contains(role);
    }

    static boolean scores(SignedInPerson me) {
        return SCORERS.contains(me.role());
    }

    static boolean requestCorrection(SignedInPerson me, ScoreView score) {
        return scores(me) && score.pending() == null;
    }

    /** A second member approves: never the person who asked for the correction. */
    static boolean approve(SignedInPerson me, ScoreView score) {
        return scores(me) && score.pending() != null && !score.pending().requestedBy().equals(me.personId());
    }
}
