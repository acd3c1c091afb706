package ledger.query.statistics;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import ledger.kernel.shared.BureauTime;
import ledger.query.ledger.TaskStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How one task stood at the end of each month something happened to it, for the statistics: a past
 * month is counted as it closed, not as its tasks stand today. {@code months} holds, by month (yyyy-MM),
 * the standing after that month's last event and the urging notices of that month; a month without an
 * entry stood as the latest earlier one. {@code version} is the last task event applied (a redelivered
 * event changes nothing).
 */
@Document("statistics_tasks")
record TaskHistory(@Id String taskId, long version, String deadlineState, List<String> taskForceIds,
                   boolean completed, Boolean onTime, boolean closedByDecision, boolean merged, String leadUnitId,
                   String leadLeaderId, Map<String, MonthEnd> months) {

    /** A task at the end of one month: its status, for whom, and the urging notices of that month. */
    record MonthEnd(String status, Boolean onTime, String unitId, String leaderId, int urgingIssued,
                    int urgingUnanswered) {
    }

    static TaskHistory assigned(String taskId, long version, String unitId, String leaderId, YearMonth ledgerMonth,
                                Instant assignedAt) {
        // a task assigned for an earlier month than the one it was entered in stood open from that month
        YearMonth entered = YearMonth.from(BureauTime.dayOf(assignedAt));
        String first = (ledgerMonth.isBefore(entered) ? ledgerMonth : entered).toString();
        Map<String, MonthEnd> months = new TreeMap<>();
        months.put(first, new MonthEnd(TaskStatus.ON_TRACK.name(), null, unitId, leaderId, 0, 0));
        return new TaskHistory(taskId, version, TaskStatus.ON_TRACK.name(), List.of(), false, null, false, false,
                unitId, leaderId, months);
    }

    /** How the task stood at the end of {@code month}, or null before it was assigned for any month. */
    MonthEnd at(String month) {
        Map.Entry<String, MonthEnd> entry = new TreeMap<>(months).floorEntry(month);
        return entry == null ? null : entry.getValue();
    }

    /** The urging notices of exactly {@code month} (not carried to later months). */
    int urgingIssuedIn(String month) {
        MonthEnd end = months.get(month);
        return end == null ? 0 : end.urgingIssued();
    }

    int urgingUnansweredIn(String month) {
        MonthEnd end = months.get(month);
        return end == null ? 0 : end.urgingUnanswered();
    }

    /** The history after one more event at {@code at}: the month of {@code at} now ends as the task stands. */
    TaskHistory next(Consumer<Draft> change, Instant at, long version) {
        Draft draft = new Draft(this);
        change.accept(draft);
        String month = YearMonth.from(BureauTime.dayOf(at)).toString();
        Map<String, MonthEnd> after = new TreeMap<>(months);
        MonthEnd before = after.get(month);
        String status = TaskStatus.of(draft.closedByDecision, draft.merged, draft.completed,
                !draft.taskForceIds.isEmpty(), draft.deadlineState);
        after.put(month, new MonthEnd(status, draft.completed ? draft.onTime : null, draft.leadUnitId,
                draft.leadLeaderId, (before == null ? 0 : before.urgingIssued()) + draft.urgingIssued,
                (before == null ? 0 : before.urgingUnanswered()) + draft.urgingUnanswered));
        return new TaskHistory(taskId, version, draft.deadlineState, List.copyOf(draft.taskForceIds), draft.completed,
                draft.onTime, draft.closedByDecision, draft.merged, draft.leadUnitId, draft.leadLeaderId, after);
    }

    /** What one event changes; {@code urgingIssued}/{@code urgingUnanswered} count the event's own notices. */
    static final class Draft {
        String deadlineState;
        List<String> taskForceIds;
        boolean completed;
        Boolean onTime;
        boolean closedByDecision;
        boolean merged;
        String leadUnitId;
        String leadLeaderId;
        int urgingIssued;
        int urgingUnanswered;

        private Draft(TaskHistory history) {
            deadlineState = history.deadlineState;
            taskForceIds = new ArrayList<>(history.taskForceIds == null ? List.of() : history.taskForceIds);
            completed = history.completed;
            onTime = history.onTime;
            closedByDecision = history.closedByDecision;
            merged = history.merged;
            leadUnitId = history.leadUnitId;
            leadLeaderId = history.leadLeaderId;
        }
    }
}
