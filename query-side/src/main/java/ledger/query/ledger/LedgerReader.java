package ledger.query.ledger;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import ledger.kernel.shared.ErrorCode;
import ledger.kernel.shared.LedgerException;
import ledger.query.infrastructure.ViewPositions;
import org.springframework.stereotype.Component;

/**
 * Reads the monthly ledger and single tasks for the API and the web pages alike: waits for the
 * position or version asked for, reads as of a moment, filters and pages.
 */
@Component
public class LedgerReader {

    public static final String PROCESSOR = "ledger";
    private static final Comparator<LedgerTaskView> ASSIGNMENT_ORDER =
            Comparator.comparing(LedgerTaskView::assignedAt).thenComparing(LedgerTaskView::taskId);

    private final LedgerViews views;
    private final ViewPositions positions;

    LedgerReader(LedgerViews views, ViewPositions positions) {
        this.views = views;
        this.positions = positions;
    }

    /** Which of a month's tasks to show; null fields do not filter. */
    public record Filter(String unit, String leader, String status, String source) {

        public static final Filter NONE = new Filter(null, null, null, null);

        boolean matches(LedgerTaskView task) {
            return (unit == null || unit.equals(task.leadUnitId()))
                    && (leader == null || leader.equals(task.leadLeaderId()))
                    && (status == null || status.equals(task.status()))
                    && (source == null || source.equals(task.source()));
        }
    }

    public MonthLedgerView month(YearMonth ledgerMonth, Filter filter, int page, int size, Long minPosition,
                                 String asOf) {
        positions.awaitPosition(PROCESSOR, minPosition);
        OptionalLong asOfPosition = positions.asOfPosition(asOf);
        positions.awaitAsOf(PROCESSOR, asOfPosition);
        List<LedgerTaskView> all = (asOfPosition.isPresent()
                ? views.monthAsOf(ledgerMonth.toString(), asOfPosition.getAsLong())
                : views.month(ledgerMonth.toString())).stream()
                .sorted(ASSIGNMENT_ORDER).toList();
        List<LedgerTaskView> matching = all.stream().filter(filter::matches).toList();
        List<LedgerTaskView> pageOf = matching.stream().skip((long) page * size).limit(size).toList();
        return new MonthLedgerView(ledgerMonth.toString(), asOfPosition.isPresent()
                ? asOfPosition.getAsLong() : null, matching.size(), page, size,
                pageOf, totals(all, LedgerTaskView::leadUnitId), totals(all, LedgerTaskView::leadLeaderId));
    }

    private static List<MonthLedgerView.Totals> totals(List<LedgerTaskView> tasks,
                                                       Function<LedgerTaskView, String> by) {
        Map<String, List<LedgerTaskView>> grouped = tasks.stream()
                .collect(Collectors.groupingBy(by, TreeMap::new, Collectors.toList()));
        return grouped.entrySet().stream().map(e -> MonthLedgerView.Totals.of(e.getKey(), e.getValue())).toList();
    }

    public LedgerTaskView task(String taskId, Long minPosition, Long minVersion, String asOf) {
        // the row is built from the task's own events only: only they, parked, keep it from the position
        positions.awaitPosition(PROCESSOR, minPosition, List.of(taskId));
        OptionalLong asOfPosition = positions.asOfPosition(asOf);
        if (asOfPosition.isPresent()) {
            positions.awaitAsOf(PROCESSOR, asOfPosition);
            return views.taskAsOf(taskId, asOfPosition.getAsLong()).orElseThrow(() -> new LedgerException(
                    ErrorCode.UNKNOWN_TASK, "No task " + taskId + " was recorded as of position "
                    + asOfPosition.getAsLong()));
        }
        positions.awaitCondition(() -> minVersion == null
                || views.task(taskId).map(view -> view.version() >= minVersion).orElse(false),
                () -> "The task view has not yet reached version " + minVersion + "; retry shortly");
        return views.task(taskId)
                .orElseThrow(() -> new LedgerException(ErrorCode.UNKNOWN_TASK, "No task " + taskId + " is recorded"));
    }

    /** The month's rows as they stand now: its own tasks and the earlier ones carried over (结转). */
    public List<LedgerTaskView> month(YearMonth month) {
        return views.month(month.toString());
    }

    /** The ids of the tasks the month's ledger holds now, its own and those carried over (结转). */
    /** The ids of the tasks each month's ledger holds, its own and those carried over, from {@code from} to {@code to}. */
    public Map<YearMonth, List<String>> monthTaskIds(YearMonth from, YearMonth to) {
        Map<String, String> open = views.openTasks();
        Map<YearMonth, List<String>> months = new LinkedHashMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.put(month, views.monthTaskIds(month.toString(), open));
        }
        return months;
    }

    public OptionalLong position() {
        return positions.position(PROCESSOR);
    }
}
