package ledger.query.statistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import ledger.query.ledger.StatusCounts;
import ledger.query.statistics.StatisticsView.Breakdown;
import ledger.query.statistics.StatisticsView.Figures;
import ledger.query.statistics.StatisticsView.MonthFigures;
import ledger.query.statistics.StatisticsView.Row;

/** Counts the statistics from the months' ledgers (which tasks) and the tasks' month-end standings (how they stood). */
final class Statistics {

    private Statistics() {
    }

    /** One task in one month: how it stood at the month's end and that month's urging notices. */
    record Counted(TaskHistory.MonthEnd end, int urgingIssued, int urgingUnanswered) {
    }

    /**
     * @param ledgerTasks for each month of the period in order, the ids of the tasks its ledger holds
     * @param histories   the tasks' standings by id (a task without one is not yet counted)
     */
    static StatisticsView compute(Map<YearMonth, List<String>> ledgerTasks, Map<String, TaskHistory> histories) {
        List<MonthFigures> months = new ArrayList<>();
        // each task once over the period: its standing in the last month that held it, with every month's notices
        Map<String, Counted> lastStanding = new LinkedHashMap<>();
        List<Counted> urgingOnly = new ArrayList<>();
        for (Map.Entry<YearMonth, List<String>> month : ledgerTasks.entrySet()) {
            String key = month.getKey().toString();
            List<Counted> counted = new ArrayList<>();
            for (String taskId : month.getValue()) {
                TaskHistory history = histories.get(taskId);
                TaskHistory.MonthEnd end = history == null ? null : history.at(key);
                if (end == null) {
                    continue;
                }
                Counted one = new Counted(end, history.urgingIssuedIn(key), history.urgingUnansweredIn(key));
                counted.add(one);
                lastStanding.put(taskId, new Counted(end, 0, 0));
                urgingOnly.add(one);
            }
            months.add(new MonthFigures(key, breakdown(counted)));
        }
        List<Counted> period = new ArrayList<>(lastStanding.values());
        // the notices count in the month they happened, for the unit and leader in charge then
        for (Counted month : urgingOnly) {
            if (month.urgingIssued() > 0 || month.urgingUnanswered() > 0) {
                period.add(new Counted(new TaskHistory.MonthEnd(null, null, month.end().unitId(),
                        month.end().leaderId(), 0, 0), month.urgingIssued(), month.urgingUnanswered()));
            }
        }
        String from = months.isEmpty() ? null : months.get(0).month();
        String to = months.isEmpty() ? null : months.get(months.size() - 1).month();
        return new StatisticsView(from, to, List.copyOf(months), breakdown(period));
    }

    private static Breakdown breakdown(List<Counted> counted) {
        return new Breakdown(figures(counted), rows(counted, c -> c.end().unitId()),
                rows(counted, c -> c.end().leaderId()));
    }

    private static List<Row> rows(List<Counted> counted, Function<Counted, String> by) {
        Map<String, List<Counted>> grouped = new TreeMap<>();
        for (Counted one : counted) {
            String id = by.apply(one);
            if (id != null) {
                grouped.computeIfAbsent(id, k -> new ArrayList<>()).add(one);
            }
        }
        return grouped.entrySet().stream().map(e -> new Row(e.getKey(), figures(e.getValue()))).toList();
    }

    /** Entries without a status carry only urging notices: they add to the notices, not to the tasks. */
    static Figures figures(List<Counted> counted) {
        StatusCounts counts = new StatusCounts();
        int issued = 0;
        int unanswered = 0;
        for (Counted one : counted) {
            issued += one.urgingIssued();
            unanswered += one.urgingUnanswered();
            if (one.end().status() != null) {
                counts.add(one.end().status(), one.end().onTime());
            }
        }
        int due = counts.completedOnTime() + counts.completedLate() + counts.overdue();
        Double rate = due == 0 ? null : Math.round(1000.0 * counts.completedOnTime() / due) / 1000.0;
        return new Figures(counts.tasks(), counts.completedOnTime(), counts.completedLate(), counts.overdue(),
                counts.atRisk(), counts.escalated(), counts.closedByDecision(), rate, issued, unanswered);
    }
}
