package ledger.query.web.organisation;

import java.util.EnumSet;
import java.util.Set;

import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.cadre.CadreRecordView;
import ledger.query.web.signin.SignedInPerson;

/**
 * Who sees the organisation pages and which of their forms, read from the role sets the command side's
 * security rules use (one home, {@link Role}). A courtesy that hides what would surely be refused: the
 * command side decides every request (four eyes, own record) and its refusal is shown beside the form.
 */
public final class OrganisationActions {

    private OrganisationActions() {
    }

    /** The pages show assessments and mistakes, so they are for the readers of cadre records. */
    public static boolean reads(Role role) {
        return Role.CADRE_RECORD_READERS.contains(role);
    }

    /** The accounts page: for those who open accounts other than the administrator (who has its own page). */
    public static boolean opensStaffAccounts(Role role) {
        return Role.ACCOUNT_OPENERS.contains(role) && role != Role.ADMIN;
    }

    static void requireReader(SignedInPerson me) {
        if (me == null || !reads(me.role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "The organisation pages are for " + Role.CADRE_RECORD_READERS);
        }
    }

    static void requireAccountOpener(SignedInPerson me) {
        if (me == null || !opensStaffAccounts(me.role())) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "Staff accounts are opened by " + Role.ACCOUNT_OPENERS);
        }
    }

    static boolean records(SignedInPerson me) {
        return Role.PERSONNEL_RECORDERS.contains(me.role());
    }

    /** The roles this person may give on the accounts page. */
    static Set<Role> grants(SignedInPerson me) {
        return me.role() == Role.PERSONNEL_OFFICE ? Role.PERSONNEL_OFFICE_GRANTS : EnumSet.noneOf(Role.class);
    }

    /** Nobody decides on their own record; a correction waits for none other. */
    static boolean requestCorrection(SignedInPerson me, String cadreId, CadreRecordView.AssessmentItem assessment) {
        return records(me) && !cadreId.equals(me.personId()) && assessment.pending() == null;
    }

    /** A second person approves: never the one who asked for the correction, never the cadre themself. */
    static boolean approve(SignedInPerson me, String cadreId, CadreRecordView.AssessmentItem assessment) {
        return Role.ASSESSMENT_CORRECTION_APPROVERS.contains(me.role()) && assessment.pending() != null
                && !cadreId.equals(me.personId()) && !assessment.pending().requestedBy().equals(me.personId());
    }
}
