package ledger.query.web.task;


import ledger.kernel.security.Actor;
import ledger.kernel.security.Role;
import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.ledger.LedgerTaskView;
import ledger.query.web.signin.SignedInPerson;

/**
 * Which forms the task page offers the signed-in person. Only a courtesy: it hides what would surely be
 * refused, while the Task aggregate on the command side decides every request (and the page shows its
 * refusal when this and the aggregate disagree).
 */
public record TaskActions(boolean reportProgress, boolean requestDeadlineChange, boolean decideDeadlineChange,
                   boolean claimCompletion, boolean verifyCompletion, boolean receive, boolean issueUrgingNotice,
                   boolean answerUrgingNotice) {

    static TaskActions of(Actor actor, LedgerTaskView task) {
        boolean open = task.completedAt() == null && task.closedByDecision() == null;
        boolean unitRole = Role.UNIT_ROLES.contains(actor.role());
        boolean leadUnit = unitRole && actor.actsFor(task.leadUnitId());
        boolean taskUnit = leadUnit || unitRole && task.coUnitIds() != null
                && task.coUnitIds().stream().anyMatch(actor::actsFor);
        boolean claimPending = task.completionClaimedAt() != null;
        boolean deadlinePending = task.proposedDueDate() != null;
        return new TaskActions(
                open && taskUnit,
                open && taskUnit && !deadlinePending,
                actor.role() == Role.BUREAU_LEADER && actor.personId().equals(task.leadLeaderId()) && deadlinePending,
                open && leadUnit && !claimPending,
                open && Role.COMPLETION_VERIFIERS.contains(actor.role()) && claimPending,
                // each unit signs for its own part once
                open && taskUnit && actor.unitId() != null && !task.receivedBy(actor.unitId()),
                open && Role.URGING_ISSUERS.contains(actor.role()),
                open && leadUnit && task.openNotice() != null);
    }

    public boolean any() {
        return reportProgress || requestDeadlineChange || decideDeadlineChange || claimCompletion || verifyCompletion
                || receive || issueUrgingNotice || answerUrgingNotice;
    }

    /** Who may assign tasks (交办) on the web: bureau leaders, as the command side requires. */
    public static boolean mayAssign(SignedInPerson person) {
        return person != null && person.role() == Role.BUREAU_LEADER;
    }

    public static void requireMayAssign(SignedInPerson person) {
        if (!mayAssign(person)) {
            throw new LedgerException(ErrorCode.NOT_PERMITTED, "Tasks are assigned by bureau leaders");
        }
    }
}
