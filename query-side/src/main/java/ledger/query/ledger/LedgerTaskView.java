package ledger.query.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One key task as the monthly ledger shows it. {@code version} is the last task event applied,
 * {@code position} its global position. {@code closedMonth} is the month it was completed,
 * cancelled or merged in; {@code carriedOver} (结转) is set when a later month's ledger shows it,
 * whose {@code ledgerMonth} is then the month it was first assigned for. {@code receipts}: each unit's
 * signing for its part (签收), or its late mark before it signed; {@code urgingNotices}: the urging
 * notices (督办通知) in the order issued, each with its reply or unanswered mark.
 */
@Document("ledger_tasks")
public record LedgerTaskView(
        @Id String taskId,
        String ledgerMonth,
        String title,
        String description,
        String source,
        String sourceLabel,
        String sourceReference,
        String leadLeaderId,
        String leadUnitId,
        List<String> coUnitIds,
        Instant assignedAt,
        LocalDate originalDueDate,
        LocalDate dueDate,
        String status,
        String deadlineState,
        List<String> taskForceIds,
        Progress latestProgress,
        int progressReports,
        Instant completionClaimedAt,
        Instant completedAt,
        Boolean completedOnTime,
        LocalDate proposedDueDate,
        List<MilestoneView> milestones,
        String closedByDecision,
        String mergedIntoTaskId,
        String closedMonth,
        boolean carriedOver,
        List<Receipt> receipts,
        List<UrgingNotice> urgingNotices,
        long version,
        long position) {

    public static final String ON_TRACK = "ON_TRACK";
    public static final String AT_RISK = "AT_RISK";
    public static final String OVERDUE = "OVERDUE";
    public static final String COMPLETED = "COMPLETED";
    public static final String ESCALATED = "ESCALATED";
    public static final String CANCELLED = "CANCELLED";
    public static final String MERGED = "MERGED";

    /** A milestone (节点目标) and when progress reported it reached, if it has been. */
    public record MilestoneView(String name, LocalDate dueDate, Instant reachedAt) {
    }

    /** The latest progress report, or null before the first one. */
    public record Progress(int percent, String narrative, Instant reportedAt) {
    }

    /**
     * A unit's receipt: who signed for it and when ({@code receivedBy} null while it has not), and
     * whether its receipt days ran out first ({@code late}, recorded once by the deadline watch).
     */
    public record Receipt(String unitId, boolean leadUnit, String receivedBy, Instant receivedAt, boolean late) {

        public boolean received() {
            return receivedAt != null;
        }
    }

    /**
     * An urging notice: why, what is expected, by when to reply; the reply's day and whether it came
     * late, and whether the day passed unanswered (which stays on record after a late reply).
     */
    public record UrgingNotice(String noticeId, String issuedBy, Instant issuedAt, String reason, String expectation,
                               LocalDate replyBy, Instant answeredAt, String answeredBy, boolean lateReply,
                               boolean unanswered) {

        public boolean open() {
            return answeredAt == null;
        }
    }

    /** The lead unit's receipt, if it signed or was marked late. */
    public Receipt leadReceipt() {
        return receipts == null ? null : receipts.stream().filter(r -> r.unitId().equals(leadUnitId)).findFirst()
                .orElse(null);
    }

    /** Whether the lead unit has signed for the task. */
    public boolean received() {
        Receipt receipt = leadReceipt();
        return receipt != null && receipt.received();
    }

    /** Whether this unit has signed for its part. */
    public boolean receivedBy(String unitId) {
        return receipts != null && receipts.stream().anyMatch(r -> r.unitId().equals(unitId) && r.received());
    }

    /** The latest notice not yet answered, or null. */
    public UrgingNotice openNotice() {
        if (urgingNotices == null) {
            return null;
        }
        UrgingNotice open = null;
        for (UrgingNotice notice : urgingNotices) {
            if (notice.open()) {
                open = notice;
            }
        }
        return open;
    }

    public int urgingCount() {
        return urgingNotices == null ? 0 : urgingNotices.size();
    }

    /** Whether any notice on the task went past its day unanswered. */
    public boolean everUnanswered() {
        return urgingNotices != null && urgingNotices.stream().anyMatch(UrgingNotice::unanswered);
    }

    /** This view after one more event; the status follows from completion, escalation and the deadline. */
    LedgerTaskView next(Consumer<Draft> change, long version, long position) {
        Draft draft = new Draft(this);
        change.accept(draft);
        String status = TaskStatus.of(draft.closedByDecision != null, draft.mergedIntoTaskId != null,
                draft.completedAt != null, !draft.taskForceIds.isEmpty(), draft.deadlineState);
        return new LedgerTaskView(taskId, ledgerMonth, title, description, source, sourceLabel, sourceReference,
                draft.leadLeaderId,
                draft.leadUnitId, coUnitIds, assignedAt, originalDueDate, draft.dueDate, status, draft.deadlineState,
                List.copyOf(draft.taskForceIds), draft.latestProgress, draft.progressReports, draft.completionClaimedAt,
                draft.completedAt, draft.completedOnTime, draft.proposedDueDate, List.copyOf(draft.milestones),
                draft.closedByDecision, draft.mergedIntoTaskId, draft.closedMonth, false, List.copyOf(draft.receipts),
                List.copyOf(draft.urgingNotices), version, position);
    }

    /**
     * Whether the ledger of {@code month} holds this task: assigned for it, or assigned earlier and
     * still open when it began or closed during it (the one home of the carry-over rule).
     */
    boolean belongsTo(String month) {
        int assigned = ledgerMonth.compareTo(month);
        return assigned == 0 || assigned < 0 && (closedMonth == null || closedMonth.compareTo(month) >= 0);
    }

    /** The row as the ledger of {@code month} shows it: carried over when first assigned for an earlier month. */
    LedgerTaskView inMonth(String month) {
        return new LedgerTaskView(taskId, ledgerMonth, title, description, source, sourceLabel, sourceReference,
                leadLeaderId, leadUnitId, coUnitIds, assignedAt, originalDueDate, dueDate, status, deadlineState,
                taskForceIds, latestProgress, progressReports, completionClaimedAt, completedAt, completedOnTime,
                proposedDueDate, milestones, closedByDecision, mergedIntoTaskId, closedMonth,
                !ledgerMonth.equals(month), receipts, urgingNotices, version, position);
    }

    /** The parts of a task view that events change. */
    static final class Draft {
        String leadLeaderId;
        String leadUnitId;
        LocalDate dueDate;
        String deadlineState;
        List<String> taskForceIds;
        Progress latestProgress;
        int progressReports;
        Instant completionClaimedAt;
        Instant completedAt;
        Boolean completedOnTime;
        LocalDate proposedDueDate;
        List<MilestoneView> milestones;
        String closedByDecision;
        String mergedIntoTaskId;
        String closedMonth;
        List<Receipt> receipts;
        List<UrgingNotice> urgingNotices;

        private Draft(LedgerTaskView view) {
            // rows stored before receipts and urging were kept read with none
            receipts = new ArrayList<>(view.receipts == null ? List.of() : view.receipts);
            urgingNotices = new ArrayList<>(view.urgingNotices == null ? List.of() : view.urgingNotices);
            closedMonth = view.closedMonth;
            closedByDecision = view.closedByDecision;
            mergedIntoTaskId = view.mergedIntoTaskId;
            milestones = new ArrayList<>(view.milestones == null ? List.of() : view.milestones);
            leadLeaderId = view.leadLeaderId;
            leadUnitId = view.leadUnitId;
            dueDate = view.dueDate;
            deadlineState = view.deadlineState;
            taskForceIds = new ArrayList<>(view.taskForceIds == null ? List.of() : view.taskForceIds);
            latestProgress = view.latestProgress;
            progressReports = view.progressReports;
            completionClaimedAt = view.completionClaimedAt;
            completedAt = view.completedAt;
            completedOnTime = view.completedOnTime;
            proposedDueDate = view.proposedDueDate;
        }
    }
}
